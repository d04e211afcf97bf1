using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// <c>recency</c> through real HTTP: the server's default (<c>Search:RecencyHalfLife</c> = 30d), the parameter over
/// it, ages taken at the request's time from the service's clock (a <see cref="ManualClock"/> at 2026-01-01), and a
/// problem on a bad half-life. Three articles say the same thing about lithium, a day, two months and two years old,
/// their ids putting the oldest first when scores tie.
/// </summary>
public sealed class RecencyEndpointTests(RecencyEndpointTests.Factory api) : IClassFixture<RecencyEndpointTests.Factory>
{
    public sealed class Factory : SeedApiFactory
    {
        public ManualClock Clock { get; } = new();

        protected override void AddToCorpus(TempDirectory folder) =>
            folder.WriteFile("lithium.jsonl", string.Join('\n',
                Line("l1-two-years", "2024-01-01T00:00:00Z"), Line("l2-two-months", "2025-11-01T00:00:00Z"), Line("l3-yesterday", "2025-12-31T00:00:00Z")));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:RecencyHalfLife", "30d");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        private static string Line(string id, string date) =>
            $$"""{"id": "{{id}}", "title": "Lithium", "date": "{{date}}", "paragraphs": ["Lithium miners in Chile raised output as battery makers bought more."]}""";
    }

    private readonly HttpClient client = api.CreateClient();

    private async Task<List<string>> IdsAsync(string query) =>
        (await client.GetOk<SearchAnswer>($"/search?q=lithium{query}")).Hits.Select(h => h.ArticleId).ToList();

    [Fact]
    public async Task The_setting_puts_the_newest_of_equal_matches_first() =>
        Assert.Equal(["l3-yesterday", "l2-two-months", "l1-two-years"], await IdsAsync(""));

    [Fact]
    public async Task Off_turns_the_setting_off_for_one_request() =>
        Assert.Equal(["l1-two-years", "l2-two-months", "l3-yesterday"], await IdsAsync("&recency=off"));

    [Fact]
    public async Task The_parameter_takes_its_own_half_life_and_explain_shows_the_factor()
    {
        var result = await client.GetOk<SearchAnswer>("/search?q=lithium&recency=1d&explain=true");

        // Two months is sixty half-lives of a day: the floor, as two years is; only yesterday's article stands out.
        var factors = result.Hits.ToDictionary(h => h.ArticleId, h => h.Explanation!.RecencyFactor!.Value);
        Assert.Equal(2.0 / 3, factors["l3-yesterday"], 4);
        Assert.Equal(1.0 / 3, factors["l2-two-months"], 4);
    }

    [Fact]
    public async Task Ages_are_taken_at_the_time_of_the_request()
    {
        api.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            var result = await client.GetOk<SearchAnswer>("/search?q=lithium&recency=1d&explain=true");

            // Yesterday's article is now two days old: a quarter of what lies above the floor.
            Assert.Equal(1.0 / 3 + 2.0 / 3 / 4, result.Hits.Single(h => h.ArticleId == "l3-yesterday").Explanation!.RecencyFactor!.Value, 4);
        }
        finally
        {
            api.Clock.Advance(TimeSpan.FromDays(-1));
        }
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0d")]
    [InlineData("a week")]
    [InlineData("3m")]
    public async Task A_bad_half_life_is_a_problem_naming_recency(string recency)
    {
        var problem = await client.GetProblem($"/search?q=lithium&recency={Uri.EscapeDataString(recency)}", HttpStatusCode.BadRequest);

        Assert.Equal("recency", problem.Parameter);
        Assert.Contains("12h, 7d, 90d, 1y", problem.Detail);
    }

    [Fact]
    public async Task Totals_are_those_of_a_search_without_recency()
    {
        var fresh = await client.GetOk<SearchAnswer>("/search?q=lithium&recency=1d");
        var plain = await client.GetOk<SearchAnswer>("/search?q=lithium&recency=off");
        Assert.Equal(plain.Total, fresh.Total);
    }
}
