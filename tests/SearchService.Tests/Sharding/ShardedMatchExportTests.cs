using System.Text.Json;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// An export over shards (<see cref="ShardedMatchExport"/>) of the first Reuters articles: its lines are the hits of a
/// cursor walk newest first, though its pages count no facet and highlight nothing; and, each shard counting the calls
/// made to it, a client that goes away stops the walk, and no page is asked of the shards after it went.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardedMatchExportTests : IDisposable
{
    private const int Articles = 600;
    private const int Shards = 3;

    /// <summary>dfs and the export page (query and fetch in one, without facets or highlights): the calls a page of the walk makes to each shard.</summary>
    private const int CallsAPage = 2;

    private readonly ShardedIndexes indexes;

    public ShardedMatchExportTests()
    {
        indexes = ShardedIndexes.OfFirstReuters(Shards, Articles);
    }

    [ReutersFact]
    public async Task A_client_going_away_mid_export_stops_the_calls_to_the_shards()
    {
        var sources = indexes.ShardIndexes.Select(index => new CountingShardSource(new IndexShardSource(index))).ToList();
        var export = new ShardedMatchExport(new ShardedSearcher(sources, IndexSchema.CreateAnalyzer()));
        var paragraphs = indexes.ParagraphsPerShard.Sum();
        Assert.True(paragraphs > 4 * ShardedMatchExport.PageSize, $"{paragraphs} paragraphs: the walk would not go on for pages");
        using var client = new CancellationTokenSource();

        var matches = await export.ExportAsync(new SearchRequest(null), client.Token);
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in matches)
            {
                // The client goes in the middle of the second page.
                if (++read == ShardedMatchExport.PageSize + ShardedMatchExport.PageSize / 2)
                    await client.CancelAsync();
            }
        });

        Assert.Equal(2 * ShardedMatchExport.PageSize, read);
        Assert.All(sources, source => Assert.Equal(2 * CallsAPage, source.Calls));
    }

    [ReutersFact]
    public async Task The_lines_are_the_hits_of_a_walk_newest_first_by_paragraph_and_by_article_with_and_without_words()
    {
        var searcher = new ShardedSearcher(indexes.ShardIndexes);
        var export = new ShardedMatchExport(searcher);
        foreach (var request in new[] { new SearchRequest(null), new SearchRequest(null, Unit: ResultUnit.Article), new SearchRequest("oil prices") })
        {
            var lines = new List<string>();
            await foreach (var line in await export.ExportAsync(request, CancellationToken.None))
                lines.Add(JsonSerializer.Serialize(line));

            var walked = await WalkAsync(searcher, request);
            // Without words both walks go on for pages, so the cursor between pages is shown too.
            Assert.True(walked.Count > (request.Query is null ? ShardedMatchExport.PageSize : 1), $"{request}: {walked.Count} hits show too little");
            Assert.Equal(walked, lines);
        }
    }

    /// <summary>
    /// The lines an export wrote before its pages were its own: the hits of a walk newest first, page by page as
    /// <see cref="ShardedSearcher.PageAsync"/> gives them, each without its text.
    /// </summary>
    private static async Task<List<string>> WalkAsync(ShardedSearcher searcher, SearchRequest request)
    {
        var walk = request with { Order = ResultOrder.Date, PageSize = ShardedMatchExport.PageSize };
        var lines = new List<string>();
        SearchCursor? after = null;
        for (var seen = 0L; ; )
        {
            var page = await searcher.PageAsync(walk, after);
            lines.AddRange(page.Result.Hits.Select(hit => JsonSerializer.Serialize(new ExportedHit(
                hit.Id, hit.ArticleId, hit.Paragraph, hit.Title, hit.Date, hit.Source, hit.Url, hit.Byline, hit.Section, hit.Language, hit.Fields,
                hit.Score, hit.Region, hit.Topic, hit.Speaker, walk.Unit == ResultUnit.Article ? hit.OtherMatches ?? 0 : null))));
            seen += page.Result.Hits.Count;
            if (page.Result.Hits.Count < walk.PageSize)
                return lines;
            after = SearchCursor.After(0, "", seen, byScore: false, page.Result.Hits[^1]) with { Shards = page.Points };
        }
    }

    public void Dispose() => indexes.Dispose();
}
