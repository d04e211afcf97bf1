using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// An export over shards (<see cref="ShardedMatchExport"/>) of the first Reuters articles, each shard counting the calls
/// made to it: a client that goes away stops the walk, and no page is asked of the shards after it went.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardedMatchExportTests : IDisposable
{
    private const int Articles = 600;
    private const int Shards = 3;

    /// <summary>dfs, query and fetch: the calls a page of the walk makes to each shard.</summary>
    private const int CallsAPage = 3;

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

    public void Dispose() => indexes.Dispose();
}
