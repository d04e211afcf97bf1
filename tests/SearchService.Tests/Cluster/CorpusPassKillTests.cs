using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Three node processes given the same corpus folder, the node holding the corpus lease SIGKILLed while it writes a
/// pass into the article log, with queries and API writes going on through the other two: no query fails for longer
/// than 10 s, what the pass committed and every write acknowledged stay, the lease passes to a survivor, which writes
/// the pass again from the file's start, and every copy ends at the log's last version, those of the node restarted too.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class CorpusPassKillTests(ITestOutputHelper output)
{
    /// <summary>Eight transactions of the pass's 500: a kill after the first commit lands mid-pass.</summary>
    private const int Articles = 4_000;

    private const string LeaseTaken = "This node holds the corpus lease";
    private const string ProbeIds = "during-pass-";
    private static readonly TimeSpan FailingAtMost = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [PostgresReutersFact]
    public async Task A_node_killed_while_it_writes_a_corpus_pass_under_queries_and_writes_loses_nothing_committed_and_a_survivor_completes_the_pass()
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
            var articles = JsonlArticleReader.Read(File.OpenRead(staged), staged, _ => { }).ToList();
            var expected = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var survivors = nodes.Where((_, n) => n != holder).ToList();
            var clients = await Task.WhenAll(survivors.Select(n => n.ClientAsync()));
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var load = new Load(clients, articles, clock);
            var running = load.RunAsync(stop.Token);
            File.Move(staged, Path.Combine(corpus, "reuters.jsonl"));
            // The file's first article is in the pass's first transaction.
            while (await log.ReadAsync(articles[0].Id) is null)
            {
                Assert.True(clock.Elapsed < Patience, "The lease holder wrote nothing of the pass");
                await Task.Delay(10);
            }
            nodes[holder].Kill();
            var killedAt = clock.Elapsed;
            var committed = (await CommittedIdsAsync(log)).Where(expected.Contains).ToHashSet(StringComparer.Ordinal);
            output.WriteLine($"Node {holder} held the lease; killed {killedAt.TotalSeconds:F2} s after the file was moved in, " +
                             $"{committed.Count} of {expected.Count} articles committed");
            Assert.InRange(committed.Count, 1, expected.Count - 1);
            Assert.Empty(await log.CorpusFilesAsync());

            var taker = await WaitForAsync(() => Task.FromResult(LeaseHolder(survivors)), "a survivor to take the corpus lease");
            await WaitForAsync(async () => (await log.CorpusFilesAsync()).Count == 1 ? true : (bool?)null, "the pass to be recorded complete");
            output.WriteLine($"A survivor took the lease and recorded the pass complete {(clock.Elapsed - killedAt).TotalSeconds:F2} s after the kill");
            // The load runs on at least 10 s past the kill.
            await Task.Delay(killedAt + FailingAtMost - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
            await stop.CancelAsync();
            await running;
            var failed = load.Failures.Where(f => f.At > killedAt).ToList();
            var window = failed.Count == 0 ? TimeSpan.Zero : failed.Max(f => f.At) - killedAt;
            output.WriteLine($"Through the survivors meanwhile: {load.Answered} answers, {failed.Count} failed after the kill (the last " +
                             $"{window.TotalSeconds:F2} s after it), {load.Acknowledged.Count} writes acknowledged");
            foreach (var (at, why) in failed.Take(5))
                output.WriteLine($"  at {at.TotalSeconds:F2} s: {why[..Math.Min(200, why.Length)]}");
            Assert.True(window < FailingAtMost, $"queries failed until {window.TotalSeconds:F1} s after the kill");
            var logged = await CommittedIdsAsync(log);
            Assert.Superset(committed, logged);
            Assert.Superset(load.Acknowledged.ToHashSet(StringComparer.Ordinal), logged);
            Assert.Equal(expected, logged.Where(id => !id.StartsWith(ProbeIds, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));

            await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(clients[0], activeNodes: 2);
            output.WriteLine($"Every copy at the log's last version {(clock.Elapsed - killedAt).TotalSeconds:F2} s after the kill");
            foreach (var client in clients)
                Assert.Equal(logged.Count, (await ProcessCluster.SearchAsync(client, "/search?collapse=article&pageSize=1")).TotalArticles);

            nodes[holder].Restart();
            var restarted = await nodes[holder].ClientAsync();
            var restartClock = Stopwatch.StartNew();
            await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(restarted, activeNodes: 3);
            output.WriteLine($"The killed node rejoined; every copy at the last version {restartClock.Elapsed.TotalSeconds:F2} s after its restart " +
                             $"(survivor {taker} holds the lease)");
            Assert.Equal(logged.Count, (await ProcessCluster.SearchAsync(restarted, "/search?collapse=article&pageSize=1")).TotalArticles);
        }
        finally
        {
            foreach (var node in nodes)
                node.Dispose();
        }
    }

    /// <summary>
    /// Queries (words of the pass's articles, so that they find more as it goes) through each survivor in a loop of its
    /// own, and a write of a new article every 100 ms through them in turn.
    /// </summary>
    private sealed class Load(HttpClient[] survivors, IReadOnlyList<Article> articles, Stopwatch clock)
    {
        private int answered;

        public ConcurrentQueue<(TimeSpan At, string Why)> Failures { get; } = new();

        public ConcurrentQueue<string> Acknowledged { get; } = new();

        public int Answered => Volatile.Read(ref answered);

        public Task RunAsync(CancellationToken stop) => Task.WhenAll([.. survivors.Select(client => Task.Run(() => QueryAsync(client, stop))), Task.Run(() => WriteAsync(stop))]);

        private async Task QueryAsync(HttpClient client, CancellationToken stop)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = articles[i * 37 % articles.Count].Title;
                var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length) ?? "said";
                try
                {
                    await ProcessCluster.SearchAsync(client, $"/search?q={Uri.EscapeDataString(word)}&collapse=article");
                    Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Failures.Enqueue((clock.Elapsed, e.Message));
                }
            }
        }

        private async Task WriteAsync(CancellationToken stop)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"{ProbeIds}{i}-{Guid.NewGuid():N}";
                var body = JsonContent.Create(new { Title = $"Probe passprobe{i}", Paragraphs = new[] { $"The probe word passprobe{i} appears in this paragraph only." } });
                try
                {
                    using var put = await survivors[i % survivors.Length].PutAsync($"/articles/{id}", body);
                    if (put.IsSuccessStatusCode)
                        Acknowledged.Enqueue(id);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not acknowledged: nothing is promised of it.
                }
                await Task.Delay(100, CancellationToken.None);
            }
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
