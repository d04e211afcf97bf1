using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>Exports and cursor walks through HTTP over the first Reuters articles.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ReutersExportTests(ReutersApiFactory api) : IClassFixture<ReutersApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [ReutersFact]
    public async Task Exporting_a_broad_query_writes_one_line_per_matching_paragraph_as_many_as_search_s_total()
    {
        var total = (await client.GetOk<SearchAnswer>("/search?q=said")).Total;

        var ids = await ExportedIdsAsync("/export?q=said");

        Assert.True(total > 1_000, $"only {total} paragraphs matched");
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
    }

    [ReutersFact]
    public async Task Exporting_by_article_writes_one_line_per_matching_article_as_many_as_total_articles()
    {
        var totalArticles = (await client.GetOk<SearchAnswer>("/search?q=said&collapse=article")).TotalArticles;

        var ids = await ExportedIdsAsync("/export?q=said&collapse=article");

        Assert.Equal(totalArticles, ids.Count);
    }

    [ReutersFact]
    public async Task Following_next_through_every_page_shows_every_hit_once_and_as_many_as_total()
    {
        var page = await client.GetOk<SearchAnswer>("/search?q=said&pageSize=100");
        var ids = page.Hits.Select(h => h.Id).ToList();
        while (page.Next is { } next)
        {
            page = await client.GetOk<SearchAnswer>($"/search?q=said&pageSize=100&after={Uri.EscapeDataString(next)}");
            ids.AddRange(page.Hits.Select(h => h.Id));
        }

        Assert.Equal(page.Total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private async Task<List<string>> ExportedIdsAsync(string url)
    {
        var body = await client.GetStringAsync(url);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .ToList();
    }
}
