using System.Text.Json;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// An export over shards (<see cref="ShardedMatchExport"/>) of the first Reuters articles: its lines are each shard's
/// matches in that shard's index order, shard after shard, as one index exports them (the same best paragraph, other
/// matches and score); a page reads only its own matches; a page whose copy fails is asked of it again, and one that
/// keeps failing ends the export naming the shard; the shards not yet read keep their points in time; and a client
/// that goes away stops the calls to the shards.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardedMatchExportTests : IDisposable
{
    private const int Articles = 600;
    private const int Shards = 3;

    private readonly ScoreCountingSearchers counting = new();
    private readonly ShardedIndexes indexes;

    public ShardedMatchExportTests()
    {
        indexes = ShardedIndexes.OfFirstReuters(Shards, Articles, counting.Provider);
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
        var callsWhenGone = -1;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in matches)
            {
                // The client goes in the middle of the second page.
                if (++read == ShardedMatchExport.PageSize + ShardedMatchExport.PageSize / 2)
                {
                    await client.CancelAsync();
                    callsWhenGone = sources.Sum(s => s.Calls);
                }
            }
        });

        Assert.Equal(2 * ShardedMatchExport.PageSize, read);
        Assert.Equal(callsWhenGone, sources.Sum(s => s.Calls));
    }

    [ReutersFact]
    public async Task The_lines_are_each_shard_s_matches_in_its_index_order_shard_after_shard_as_one_index_exports_them()
    {
        var export = new ShardedMatchExport(new ShardedSearcher(indexes.ShardIndexes));
        foreach (var request in new[]
        {
            new SearchRequest(null), new SearchRequest(null, Unit: ResultUnit.Article), new SearchRequest("oil prices"),
            new SearchRequest("oil prices", Unit: ResultUnit.Article),
        })
        {
            var perArticle = request.Unit == ResultUnit.Article;
            string KeyOf(ExportedHit line) => perArticle ? line.ArticleId : line.Id;
            var lines = new List<ExportedHit>();
            await foreach (var line in await export.ExportAsync(request, CancellationToken.None))
                lines.Add(line);

            // Without words the export goes on for pages, so where one page ends and the next begins is shown too.
            Assert.True(lines.Count > (request.Query is null ? ShardedMatchExport.PageSize : 10), $"{request}: {lines.Count} lines show too little");
            var inShardOrder = indexes.ShardIndexes.SelectMany(shard => ExportOf(shard, request)).Select(KeyOf).ToList();
            Assert.Equal(inShardOrder, lines.Select(KeyOf).ToList());
            var oneIndex = ExportOf(indexes.SingleIndex, request).ToDictionary(KeyOf);
            Assert.All(lines, line =>
            {
                var expected = oneIndex[KeyOf(line)];
                Assert.Equal(JsonSerializer.Serialize(expected with { Score = null }), JsonSerializer.Serialize(line with { Score = null }));
                Assert.Equal(expected.Score is null, line.Score is null);
                Assert.Equal(expected.Score ?? 0, line.Score ?? 0, 1e-4f);
            });
        }
    }

    [ReutersFact]
    public async Task Each_match_is_scored_once_over_the_whole_export_as_one_index_s_export_scores_it()
    {
        var request = new SearchRequest("said");
        var before = counting.Scored;
        var oneIndexLines = ExportOf(indexes.SingleIndex, request).Count;
        var oneIndexScored = counting.Scored - before;
        Assert.True(oneIndexLines > 2 * ShardedMatchExport.PageSize, $"{oneIndexLines} matches: the export would not go on for pages");
        var export = new ShardedMatchExport(new ShardedSearcher(indexes.ShardIndexes));

        before = counting.Scored;
        var scoredByPage = new List<long>();
        var lines = 0;
        await foreach (var _ in await export.ExportAsync(request, CancellationToken.None))
        {
            // The next page is asked for only when its first line is: here every page so far is counted.
            if (++lines % ShardedMatchExport.PageSize == 0)
                scoredByPage.Add(counting.Scored - before - scoredByPage.Sum());
        }

        Assert.Equal(oneIndexLines, lines);
        // A page that read the matches before its own (the old walk newest first read every match on every shard for each
        // page) would score more than one index's whole export does.
        var scored = counting.Scored - before;
        Assert.True(scored == oneIndexScored, $"{scored} scores over shards, {oneIndexScored} in one index; by page {string.Join(", ", scoredByPage)}");
    }

    [ReutersFact]
    public async Task A_page_whose_call_fails_is_asked_again_of_the_copy_holding_the_export_s_point_and_the_export_is_whole()
    {
        var request = new SearchRequest(null);
        var whole = await LinesAsync(new ShardedMatchExport(new ShardedSearcher(indexes.ShardIndexes)), request);
        // Shard 0's calls: the dfs, the first page, then the second page, which fails once.
        var sources = indexes.ShardIndexes.Select((index, shard) => new CountingShardSource(new IndexShardSource(index), shard, shard == 0 ? call => call == 3 : null)).ToList();

        var lines = await LinesAsync(new ShardedMatchExport(new ShardedSearcher(sources, IndexSchema.CreateAnalyzer())), request);

        Assert.Equal(whole, lines);
        Assert.True(sources[0].Calls > 3, $"shard 0 was called {sources[0].Calls} times: its second page was not asked for");
    }

    [ReutersFact]
    public async Task A_page_whose_copy_fails_every_try_ends_the_export_naming_the_shard()
    {
        // Shard 0's calls: the dfs and the first page answer; every later one fails.
        var sources = indexes.ShardIndexes.Select((index, shard) => new CountingShardSource(new IndexShardSource(index), shard, shard == 0 ? call => call > 2 : null)).ToList();
        var export = new ShardedMatchExport(new ShardedSearcher(sources, IndexSchema.CreateAnalyzer()));
        Assert.True(indexes.ParagraphsPerShard[0] > ShardedMatchExport.PageSize, "shard 0 fills no more than one page");

        var read = 0;
        var failure = await Assert.ThrowsAsync<ShardUnavailableException>(async () =>
        {
            await foreach (var _ in await export.ExportAsync(new SearchRequest(null), CancellationToken.None))
                read++;
        });

        Assert.Equal(0, failure.Shard);
        Assert.Equal(ShardedMatchExport.PageSize, read);
        Assert.Equal(2 + ShardedSearcher.Tries, sources[0].Calls);
    }

    [ReutersFact]
    public async Task The_points_of_the_shards_not_yet_read_are_renewed_while_an_earlier_shard_is_read_for_longer_than_a_minute()
    {
        var sources = indexes.ShardIndexes.Select(index => new CountingShardSource(new IndexShardSource(index))).ToList();
        var clock = new ManualClock();
        var export = new ShardedMatchExport(new ShardedSearcher(sources, IndexSchema.CreateAnalyzer()), clock);
        var paragraphs = indexes.ParagraphsPerShard;
        Assert.True(paragraphs[0] > ShardedMatchExport.PageSize && paragraphs[0] + paragraphs[1] > 2 * ShardedMatchExport.PageSize,
            $"{string.Join(", ", paragraphs)} paragraphs: the second page would read the last shard");

        var read = 0;
        var lastShardCalls = new List<int>();
        await foreach (var _ in await export.ExportAsync(new SearchRequest(null), CancellationToken.None))
        {
            // The first page took longer than a minute; the second page's first line has been read since.
            if (++read == ShardedMatchExport.PageSize)
                clock.Advance(ShardedMatchExport.KeepEvery);
            if (read is ShardedMatchExport.PageSize or ShardedMatchExport.PageSize + 1)
                lastShardCalls.Add(sources[^1].Calls);
        }

        // The dfs, then one call between the first page and the second, before the last shard is read by any page.
        Assert.Equal([1, 2], lastShardCalls);
        Assert.Equal(paragraphs.Sum(), read);
    }

    private static async Task<List<string>> LinesAsync(ShardedMatchExport export, SearchRequest request)
    {
        var lines = new List<string>();
        await foreach (var line in await export.ExportAsync(request, CancellationToken.None))
            lines.Add(JsonSerializer.Serialize(line));
        return lines;
    }

    /// <summary>What one index exports of <paramref name="request"/> (<see cref="MatchExport"/>), in its index order.</summary>
    private static List<ExportedHit> ExportOf(SearchIndex index, SearchRequest request)
    {
        using var points = new PointsInTime(index);
        return new MatchExport(new ParagraphSearcher(index), points).Export(request).ToList();
    }

    public void Dispose() => indexes.Dispose();
}
