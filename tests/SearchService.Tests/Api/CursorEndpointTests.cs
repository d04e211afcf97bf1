using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class CursorEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Following_next_one_hit_at_a_time_shows_every_paragraph_of_the_seed_once()
    {
        var page = await client.GetOk<SearchAnswer>("/search?pageSize=1");
        var ids = page.Hits.Select(h => h.Id).ToList();
        while (page.Next is { } next)
        {
            page = await client.GetOk<SearchAnswer>($"/search?pageSize=1&after={Uri.EscapeDataString(next)}");
            ids.AddRange(page.Hits.Select(h => h.Id));
        }

        Assert.Equal(page.Total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_bad_cursor_is_a_problem_naming_after()
    {
        var problem = await client.GetProblem("/search?q=terrorism&after=bm90LWEtY3Vyc29y", HttpStatusCode.BadRequest);

        Assert.Equal("after", problem.Parameter);
    }

    [Fact]
    public async Task A_cursor_of_another_query_is_a_problem_naming_after()
    {
        var next = (await client.GetOk<SearchAnswer>("/search?q=terrorism&pageSize=1")).Next!;

        var problem = await client.GetProblem($"/search?q=pakistan&pageSize=1&after={Uri.EscapeDataString(next)}", HttpStatusCode.BadRequest);

        Assert.Equal("after", problem.Parameter);
    }

    [Fact]
    public async Task A_cursor_with_a_page_past_the_first_is_a_problem_naming_after()
    {
        var next = (await client.GetOk<SearchAnswer>("/search?q=terrorism&pageSize=1")).Next!;

        var problem = await client.GetProblem($"/search?q=terrorism&pageSize=1&page=2&after={Uri.EscapeDataString(next)}", HttpStatusCode.BadRequest);

        Assert.Equal("after", problem.Parameter);
    }

    [Fact]
    public async Task A_cursor_with_semantic_re_ranking_is_a_problem_naming_after()
    {
        var next = (await client.GetOk<SearchAnswer>("/search?q=terrorism&pageSize=1")).Next!;

        var problem = await client.GetProblem($"/search?q=terrorism&pageSize=1&rerank=semantic&after={Uri.EscapeDataString(next)}", HttpStatusCode.BadRequest);

        Assert.Equal("after", problem.Parameter);
    }
}
