using System.Text.Json;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchService.Cluster.Shards;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Shard copies rebuilt from the article log while they answer: on request (<c>POST /index/_rebuild</c> asks every copy,
/// <see cref="IShardGrain.RebuildAsync"/>) into a new index switched to once caught up, and by themselves when their
/// folder holds an index of another schema (a node of another version wrote it: a rolling upgrade).
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardRebuildTests(ITestOutputHelper output)
{
    private const int Shards = 4;
    private const int ReutersArticles = 300;
    private const int Seed = 18;

    [PostgresReutersFact]
    public async Task Searches_answer_throughout_a_rebuild_of_every_copy_and_the_same_after_it()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        // Without the speaker table: with it, a rebuild resolves early short forms again, and so changes those answers
        // by design (ShardSpeakerRebuildTests).
        await using var cluster = await ShardCluster.StartAsync(silos: 2, Shards, speakerIdentities: false);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        var requests = SeededQueries.Draw(articles, request => cluster.Searcher.SearchAsync(request).GetAwaiter().GetResult().Facets, perKind: 1, Seed);
        var expected = new List<SearchResult>();
        foreach (var (_, request) in requests)
            expected.Add(await cluster.Searcher.SearchAsync(request));
        var generationsBefore = LiveGenerations(cluster.Root);

        Assert.All(await cluster.RebuildAllAsync(), Assert.True);
        var differences = new List<string>();
        var answeredWhileRebuilding = 0;
        while ((await cluster.StatusesAsync()).Any(s => s.Rebuilding))
        {
            for (var i = 0; i < requests.Count; i++)
                differences.AddRange(AnswerDifferences.Of($"during: {requests[i].Kind} {JsonSerializer.Serialize(requests[i].Request)}", expected[i], await cluster.Searcher.SearchAsync(requests[i].Request)));
            answeredWhileRebuilding += requests.Count;
        }
        for (var i = 0; i < requests.Count; i++)
            differences.AddRange(AnswerDifferences.Of($"after: {requests[i].Kind} {JsonSerializer.Serialize(requests[i].Request)}", expected[i], await cluster.Searcher.SearchAsync(requests[i].Request)));

        var generationsAfter = LiveGenerations(cluster.Root);
        output.WriteLine($"{answeredWhileRebuilding} searches answered while the copies rebuilt; live indexes before: " +
                         $"{string.Join(", ", generationsBefore.Values)}; after: {string.Join(", ", generationsAfter.Values)}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
        Assert.Equal(Shards * cluster.Replicas, generationsAfter.Count);
        Assert.All(generationsAfter, copy => Assert.NotEqual(generationsBefore.GetValueOrDefault(copy.Key), copy.Value));
    }

    [PostgresReutersFact]
    public async Task A_write_made_while_the_copies_rebuild_is_searchable_after_the_rebuild()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles)));

        Assert.All(await cluster.RebuildAllAsync(), Assert.True);
        var written = await cluster.Log.PutAsync(new Article("lighthouse", "Lighthouse keepers retire",
            ["The last lighthouse keepers of Brittany handed their keys to the coast guard on Friday."]));
        while ((await cluster.StatusesAsync()).Any(s => s.Rebuilding || s.AppliedVersion < written))
            await Task.Delay(20);

        var found = await cluster.Searcher.SearchAsync(new SearchRequest("\"lighthouse keepers\""));
        Assert.Equal(["lighthouse"], found.Hits.Select(h => h.ArticleId));
    }

    /// <remarks>A move deactivates the copy, which would drop its rebuild: the rebalancer tries it again later.</remarks>
    [PostgresReutersFact]
    public async Task A_copy_being_rebuilt_does_not_move_and_moves_once_rebuilt()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 2, Shards, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles)));
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var holder = (await copy.StatusAsync()).Silo;
        var elsewhere = cluster.Cluster.Silos.Select(s => s.SiloAddress).First(s => s.ToString() != holder);

        Assert.True(await copy.RebuildAsync());
        Assert.False(await copy.MoveToAsync(elsewhere));

        while ((await copy.StatusAsync()) is { Rebuilding: true } status)
            Assert.Equal(holder, status.Silo);
        Assert.True(await copy.MoveToAsync(elsewhere));
    }

    /// <remarks>
    /// The copy's folder is marked as written by another schema while the copy is not active, as a node of another
    /// version leaves it; activated again, the copy empties it and reads the whole log (it opens at version 0).
    /// </remarks>
    [PostgresReutersFact]
    public async Task A_copy_whose_folder_holds_another_schema_rebuilds_from_the_log_and_answers_as_before()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        var version = await cluster.Log.PutManyAsync(articles);
        await cluster.WaitUntilAppliedAsync(version);
        var requests = SeededQueries.Draw(articles, request => cluster.Searcher.SearchAsync(request).GetAwaiter().GetResult().Facets, perKind: 1, Seed);
        var expected = new List<SearchResult>();
        foreach (var (_, request) in requests)
            expected.Add(await cluster.Searcher.SearchAsync(request));
        var copy = new ShardCopy(0, 0);

        await MarkSchemaWhileInactiveAsync(cluster, copy, "2026-01-01.1");

        var reopened = (await cluster.StatusesAsync()).Single(s => (s.Shard, s.Copy) == (copy.Shard, copy.Copy));
        Assert.Equal((0L, version), (reopened.OpenedAtVersion, reopened.AppliedVersion));
        var differences = new List<string>();
        for (var i = 0; i < requests.Count; i++)
            differences.AddRange(AnswerDifferences.Of(requests[i].Kind, expected[i], await cluster.Searcher.SearchAsync(requests[i].Request)));
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    /// <summary>
    /// Deactivates the copy and marks its folder's schema once no activation holds the folder. The searches before
    /// close their part on each copy without waiting (<c>GrainShard.Dispose</c>), and Orleans does not promise to deliver
    /// one caller's messages in the order sent: a close that reaches the copy after its deactivation activates it again,
    /// and that activation holds the folder's write lock. Then the copy is deactivated again. An activation that begins
    /// once the folder is marked opens the mark, as the test means it to.
    /// </summary>
    private static async Task MarkSchemaWhileInactiveAsync(ShardCluster cluster, ShardCopy copy, string schema)
    {
        var grain = cluster.Cluster.Client.GetGrain<IShardGrain>(copy.Key);
        var folder = System.IO.Directory.GetDirectories(cluster.Root, $"shard-{copy.Shard}-copy-{copy.Copy}", SearchOption.AllDirectories).Single();
        for (var attempt = 1; ; attempt++)
        {
            await cluster.Cluster.DeactivateAsync(grain);
            try
            {
                MarkSchema(folder, schema);
                return;
            }
            catch (LockObtainFailedException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Each copy's folder, with the live index folder its pointer names (<see cref="IndexLayout"/>).</summary>
    private static Dictionary<string, string> LiveGenerations(string root) =>
        System.IO.Directory.GetDirectories(root, "shard-*-copy-*", SearchOption.AllDirectories)
            .ToDictionary(folder => folder, folder => Path.GetFileName(new IndexLayout(folder).LiveFolder()));

    /// <summary>Rewrites the last commit's schema entry of a copy's live index, as a node of another version would have it.</summary>
    private static void MarkSchema(string copyFolder, string schema)
    {
        using var directory = FSDirectory.Open(new IndexLayout(copyFolder).LiveFolder());
        using var writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.Version, new KeywordAnalyzer()));
        writer.SetCommitData(new Dictionary<string, string>(writer.CommitData) { ["schema"] = schema });
        writer.Commit();
    }
}
