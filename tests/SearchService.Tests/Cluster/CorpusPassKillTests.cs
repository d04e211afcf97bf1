using System.Diagnostics;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Three node processes given the same corpus folder, the node holding the corpus lease SIGKILLed while it writes a
/// pass into the article log: what it committed stays, the lease passes to a survivor, which writes the pass again
/// from the file's start, and every copy ends at the log's last version, those of the node restarted too.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class CorpusPassKillTests(ITestOutputHelper output)
{
    /// <summary>Eight transactions of the pass's 500: a kill after the first commit lands mid-pass.</summary>
    private const int Articles = 4_000;

    private const string LeaseTaken = "This node holds the corpus lease";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [PostgresReutersFact]
    public async Task A_node_killed_while_it_writes_a_corpus_pass_loses_no_committed_article_and_a_survivor_completes_the_pass()
    {
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_corpus_kill");
        using var folders = new TempDirectory();
        var corpus = Directory.CreateDirectory(folders.Combine("corpus")).FullName;
        var clusterId = $"test-{Guid.NewGuid():N}";
        var nodes = new List<NodeProcess>();
        try
        {
            // One at a time, as ProcessCluster starts them; two shards, so four copies catch up on two cores.
            for (var n = 0; n < 3; n++)
            {
                nodes.Add(new NodeProcess(database.ConnectionString, clusterId, folders.Combine($"node-{n}", "shards"), corpus, "--Search:Cluster:Shards=2"));
                await ProcessCluster.WaitUntilReadyAsync(await nodes[n].ClientAsync());
            }
            var holder = await WaitForAsync(() => Task.FromResult(LeaseHolder(nodes)), "a node to take the corpus lease");
            await using var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString));

            // Moved in whole, so that the pass never reads a file half copied.
            var staged = folders.Combine("reuters.jsonl");
            ReutersCorpus.CopyStart(staged, Articles);
            var expected = JsonlArticleReader.Read(File.OpenRead(staged), staged, _ => { }).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            File.Move(staged, Path.Combine(corpus, "reuters.jsonl"));
            var clock = Stopwatch.StartNew();
            while (await log.CurrentVersionAsync() == 0)
            {
                Assert.True(clock.Elapsed < Patience, "The lease holder wrote nothing of the pass");
                await Task.Delay(10);
            }
            nodes[holder].Kill();
            var killedAt = clock.Elapsed;
            var committed = await CommittedIdsAsync(log);
            output.WriteLine($"Node {holder} held the lease; killed {killedAt.TotalSeconds:F2} s after the file was moved in, " +
                             $"{committed.Count} of {expected.Count} articles committed");
            Assert.InRange(committed.Count, 1, expected.Count - 1);
            Assert.Empty(await log.CorpusFilesAsync());

            var survivors = nodes.Where((_, n) => n != holder).ToList();
            var taker = await WaitForAsync(() => Task.FromResult(LeaseHolder(survivors)), "a survivor to take the corpus lease");
            await WaitForAsync(async () => (await log.CorpusFilesAsync()).Count == 1 ? true : (bool?)null, "the pass to be recorded complete");
            output.WriteLine($"A survivor took the lease and recorded the pass complete {(clock.Elapsed - killedAt).TotalSeconds:F2} s after the kill");
            var logged = await CommittedIdsAsync(log);
            Assert.Superset(committed, logged);
            Assert.Equal(expected, logged);

            var clients = await Task.WhenAll(survivors.Select(n => n.ClientAsync()));
            await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(clients[0], activeNodes: 2);
            output.WriteLine($"Every copy at the log's last version {(clock.Elapsed - killedAt).TotalSeconds:F2} s after the kill");
            foreach (var client in clients)
                Assert.Equal(expected.Count, (await ProcessCluster.SearchAsync(client, "/search?collapse=article&pageSize=1")).TotalArticles);

            nodes[holder].Restart();
            var restarted = await nodes[holder].ClientAsync();
            var restartClock = Stopwatch.StartNew();
            await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(restarted, activeNodes: 3);
            output.WriteLine($"The killed node rejoined; every copy at the last version {restartClock.Elapsed.TotalSeconds:F2} s after its restart " +
                             $"(survivor {taker} holds the lease)");
            Assert.Equal(expected.Count, (await ProcessCluster.SearchAsync(restarted, "/search?collapse=article&pageSize=1")).TotalArticles);
        }
        finally
        {
            foreach (var node in nodes)
                node.Dispose();
        }
    }

    /// <summary>The ids of the articles the log holds (tombstones not counted).</summary>
    private static async Task<HashSet<string>> CommittedIdsAsync(PostgresArticleLog log)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (long after = 0; ;)
        {
            var changes = await log.ReadChangesAsync(after, 1_000);
            if (changes.Count == 0)
                return ids;
            foreach (var change in changes.Where(c => c.Article is not null))
                ids.Add(change.Id);
            after = changes[^1].Version;
        }
    }

    /// <summary>The first of <paramref name="nodes"/> that has said it holds the corpus lease.</summary>
    private static int? LeaseHolder(List<NodeProcess> nodes) =>
        nodes.FindIndex(n => n.Output.Contains(LeaseTaken, StringComparison.Ordinal)) is var i and >= 0 ? i : null;

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> found, string what) where T : struct
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await found() is { } value)
                return value;
            Assert.True(clock.Elapsed < Patience, $"Waited {Patience} for {what}");
            await Task.Delay(100);
        }
    }
}
