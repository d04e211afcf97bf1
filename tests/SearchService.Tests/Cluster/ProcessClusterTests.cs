using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SearchService.Api.Cluster;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Three cluster nodes as real processes against one single-node service over the same 2,000 Reuters articles
/// (<see cref="ProcessCluster"/>): the same answers, writes searchable everywhere within a second at the median, and a node killed
/// under steady load while writes go on.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ProcessClusterTests(ProcessCluster cluster, ITestOutputHelper output) : IClassFixture<ProcessCluster>
{
    /// <summary>Writes timed for the visibility distribution.</summary>
    private const int Writes = 50;

    /// <summary>
    /// Issue 18's "searchable through every node within 1 s", held by the median write: at load average 30-40 on two
    /// cores the median was 84 ms to the start of the finding search (1.0-1.2 s to its answer, a search alone taking
    /// 0.3-1 s there).
    /// </summary>
    private static readonly TimeSpan MedianSearchableWithin = TimeSpan.FromSeconds(1);

    /// <summary>No write slower than this: on CI's two shared cores the slowest of a run reached 2.2 s before writes were notified.</summary>
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FailingAtMost = TimeSpan.FromSeconds(10);

    [PostgresReutersFact]
    public async Task Three_nodes_answer_300_seeded_requests_as_one_node_over_the_same_articles_does()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var requests = SeededQueries.Draw(cluster.Reuters, request =>
            ProcessCluster.SearchAsync(cluster.Single, SearchQueryString.Of(request)).GetAwaiter().GetResult().Facets, perKind: 25, seed: 18);
        var differences = new List<string>();
        var (single, sharded) = (new List<double>(), new List<double>());

        for (var i = 0; i < requests.Count; i++)
        {
            var url = SearchQueryString.Of(requests[i].Request);
            var expected = await ProcessCluster.SearchAsync(cluster.Single, url);
            var actual = await ProcessCluster.SearchAsync(clients[i % clients.Length], url);
            differences.AddRange(AnswerDifferences.Of($"{requests[i].Kind} {url}", expected, actual));
            single.Add(expected.TookMs);
            sharded.Add(actual.TookMs);
        }

        output.WriteLine($"{requests.Count} requests; took p50 {Percentile(single, 0.5):F1} ms on the single node, " +
                         $"{Percentile(sharded, 0.5):F1} ms on three nodes (p99 {Percentile(single, 0.99):F1} / {Percentile(sharded, 0.99):F1} ms)");
        Assert.Equal(300, requests.Count);
        AssertNoDifferences(differences);
    }

    [PostgresReutersFact]
    public async Task A_cursor_walk_goes_on_through_every_node_as_the_single_nodes_walk()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var request = new SearchRequest("oil prices", PageSize: 7);
        static string Url(SearchRequest page) =>
            "/search?q=oil+prices&pageSize=7" + (page.After is { } after ? "&after=" + Uri.EscapeDataString(after) : "");
        var (expected, _) = await CursorPages.WalkAsync(page => ProcessCluster.SearchAsync(cluster.Single, Url(page)), request);

        // Each page through the next node: the cursor one node made is followed by the others.
        var pagesAsked = 0;
        var (hits, pages) = await CursorPages.WalkAsync(page => ProcessCluster.SearchAsync(clients[pagesAsked++ % clients.Length], Url(page)), request);

        Assert.True(pages > clients.Length, $"{pages} pages");
        Assert.Equal(expected.Select(h => h.Id), hits.Select(h => h.Id));
    }

    [PostgresReutersFact]
    public async Task Quotes_through_every_node_are_the_single_node_s()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var all = JsonSerializer.Deserialize<QuoteResult>(await cluster.Single.GetStringAsync("/quotes"), ProcessCluster.Json)!;
        var requests = QuoteRequests.From(all);
        var differences = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            var url = QuoteRequests.Url(requests[i]);
            var expected = JsonNode.Parse(await cluster.Single.GetStringAsync(url))!;
            Assert.True(expected["total"]!.GetValue<long>() > 0, $"{url} finds nothing: it shows nothing");
            differences.AddRange(QuoteRequests.Differences(url, expected, JsonNode.Parse(await clients[i % clients.Length].GetStringAsync(url))!));
        }
        AssertNoDifferences(differences);
    }

    [PostgresReutersFact]
    public async Task Speakers_profiles_through_every_node_are_the_single_node_s()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var all = JsonSerializer.Deserialize<QuoteResult>(await cluster.Single.GetStringAsync("/quotes"), ProcessCluster.Json)!;
        var speakers = all.Facets[IndexSchema.Speaker].Take(6).Select(s => s.Value).ToList();
        for (var i = 0; i < speakers.Count; i++)
        {
            var url = $"/speakers/{Uri.EscapeDataString(speakers[i])}";
            Assert.Equal(await cluster.Single.GetStringAsync(url), await clients[i % clients.Length].GetStringAsync(url));
        }
        var unknown = await clients[0].GetAsync("/speakers/Nobody%20Ever%20Quoted");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    /// <remarks>
    /// Each write is timed from its acknowledgement until every node has found it: the three nodes are searched side by
    /// side, each until it finds the write. A write's delay is when the last of the three began the search that found it
    /// (the write was searchable through that node by then, at the latest); when that search answered is printed too,
    /// since on a loaded machine a search takes hundreds of milliseconds. The distributions (p50, p95, slowest) are
    /// printed with every delay. A search failing meanwhile (a copy not answering within the call timeout) is counted.
    /// </remarks>
    [PostgresReutersFact]
    public async Task Writes_acknowledged_by_one_node_are_searchable_through_every_node_within_a_second_at_the_median()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var delays = new List<double>();
        var answeredAfter = new List<double>();
        var failedSearches = 0;
        // A node's first search compiles the search path (seconds on a Debug build of a busy machine): not a write's
        // delay. A word the index lacks, as the probes' are until written: such a search also looks for corrections.
        var warmUp = new List<double>();
        foreach (var client in clients)
        {
            var first = Stopwatch.StartNew();
            await FindsAsync(client, $"visibilitywarmup{Guid.NewGuid():N}"[..32]);
            warmUp.Add(first.Elapsed.TotalMilliseconds);
        }

        for (var i = 0; i < Writes; i++)
        {
            var word = $"visibilityprobe{i}x{Guid.NewGuid():N}"[..32];
            var acknowledged = await cluster.PutAsync(clients[i % clients.Length], Probe($"write-probe-{Guid.NewGuid():N}", word));
            var foundBy = await Task.WhenAll(clients.Select(async client =>
            {
                while (true)
                {
                    var asked = Stopwatch.GetElapsedTime(acknowledged);
                    if (await FindsAsync(client, word))
                        return asked;
                    Assert.True(Stopwatch.GetElapsedTime(acknowledged) < TimeSpan.FromSeconds(30), $"{word} not searchable within 30 s");
                    await Task.Delay(10);
                }
            }));
            answeredAfter.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
            delays.Add(foundBy.Max().TotalMilliseconds);
        }

        output.WriteLine($"{Writes} writes searchable through all three nodes after the acknowledgement (the finding search begun): " +
                         $"p50 {Percentile(delays, 0.5):F0} ms, p95 {Percentile(delays, 0.95):F0} ms, slowest {delays.Max():F0} ms " +
                         $"(ms, in the order written: {string.Join(", ", delays.Select(d => d.ToString("F0")))}); the finding search answered: " +
                         $"p50 {Percentile(answeredAfter, 0.5):F0} ms, p95 {Percentile(answeredAfter, 0.95):F0} ms, slowest {answeredAfter.Max():F0} ms; " +
                         $"{failedSearches} searches failed meanwhile; each node's first search took {string.Join(", ", warmUp.Select(d => d.ToString("F0")))} ms");
        Assert.True(Percentile(delays, 0.5) < MedianSearchableWithin.TotalMilliseconds, $"the median write searchable after {Percentile(delays, 0.5):F0} ms");
        Assert.All(delays, delay => Assert.True(delay < SlowestAllowed.TotalMilliseconds, $"a write searchable after {delay:F0} ms"));

        async Task<bool> FindsAsync(HttpClient client, string word)
        {
            try
            {
                return (await ProcessCluster.SearchAsync(client, $"/search?q={word}")).Total > 0;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failedSearches);
                return false;
            }
        }
    }

    /// <remarks>The facets are none an extractor would find in the article: a node answering them read them from the log.</remarks>
    [PostgresReutersFact]
    public async Task An_article_read_through_a_node_carries_the_facets_stored_with_it()
    {
        var id = $"atlantis-{Guid.NewGuid():N}";
        var stored = new ArticleFacets(new ParagraphFacets(["Atlantis"], [], []), [new ParagraphFacets(["Atlantis"], [], [])]);
        await using var log = await cluster.OpenLogAsync();
        await log.PutAsync(new Article(id, "Harbour reopens", ["The harbour reopened on Friday after the storm."]), stored);
        try
        {
            var view = await (await cluster.Node[1].ClientAsync()).GetFromJsonAsync<ArticleView>($"/articles/{id}", ProcessCluster.Json);

            Assert.Equal(["Atlantis"], view!.Region);
            Assert.Equal(["Atlantis"], view.Paragraphs.Single().Region);
        }
        finally
        {
            // Written to the nodes' log only: the single node, which the other tests compare with, never had it.
            await log.DeleteAsync(id);
        }
    }

    /// <remarks>
    /// The two articles go into the log in one transaction, so every copy of their shard applies them in one read and
    /// holds them in one segment; the one then deleted stays in that segment, deleted, until a merge. That is how a8b73d2's
    /// clean-clone run failed: a merge had put the article the facets test writes and deletes in a segment with others,
    /// and the copies scored with its paragraph until a rebuild. Each node is asked twice, so that both copies answer.
    /// </remarks>
    [PostgresReutersFact]
    public async Task An_article_deleted_from_a_segment_it_shared_leaves_every_node_answering_as_the_single_node_does()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var router = new SearchService.Core.Sharding.ShardRouter(8);
        var kept = Probe($"segment-kept-{Guid.NewGuid():N}", "segmentkept");
        var withdrawnId = Enumerable.Range(0, 1_000).Select(i => $"segment-withdrawn-{i}-{Guid.NewGuid():N}").First(id => router.ShardOf(id) == router.ShardOf(kept.Id));
        var withdrawn = new Article(withdrawnId, "Company said shares rose in the year", [
            "The company said its shares rose 12 pct in the year and net profit rose to 45 mln dlrs, the company said.",
            "Analysts said the market expected prices and shares of the corp to rise, and said the year would be strong.",
            "The bank said trade and oil prices rose in the year; the company said it would pay a dividend, officials said."],
            new DateTimeOffset(1987, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var urls = SeededQueries.Draw(cluster.Reuters, request =>
                ProcessCluster.SearchAsync(cluster.Single, SearchQueryString.Of(request)).GetAwaiter().GetResult().Facets, perKind: 1, seed: 7)
            .Select(r => SearchQueryString.Of(r.Request)).ToList();
        await using var log = await cluster.OpenLogAsync();
        await log.PutManyAsync([kept, withdrawn]);
        (await cluster.Single.PutAsync($"/articles/{kept.Id}", JsonContent.Create(new { kept.Title, kept.Paragraphs, kept.Date }))).EnsureSuccessStatusCode();
        await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(clients[0]);

        await log.DeleteAsync(withdrawn.Id);
        await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(clients[0]);

        var differences = new List<string>();
        foreach (var url in urls)
        {
            var expected = await ProcessCluster.SearchAsync(cluster.Single, url);
            foreach (var (client, n) in clients.Select((c, n) => (c, n)))
            {
                for (var round = 0; round < 2; round++)
                    differences.AddRange(AnswerDifferences.Of($"node {n}, search {round + 1}: {url}", expected, await ProcessCluster.SearchAsync(client, url)));
            }
        }
        AssertNoDifferences(differences);
    }

    /// <remarks>The seeded requests are asked in turn while /health marks any copy rebuilding, then once more.</remarks>
    [PostgresReutersFact]
    public async Task A_rebuild_asked_of_one_node_rebuilds_every_copy_while_searches_answer_as_the_single_node_does()
    {
        var node = await cluster.Node[2].ClientAsync();
        var urls = SeededQueries.Draw(cluster.Reuters, request =>
                ProcessCluster.SearchAsync(cluster.Single, SearchQueryString.Of(request)).GetAwaiter().GetResult().Facets, perKind: 1, seed: 11)
            .Select(r => SearchQueryString.Of(r.Request)).ToList();
        var expected = new List<SearchResult>();
        foreach (var url in urls)
            expected.Add(await ProcessCluster.SearchAsync(cluster.Single, url));

        await WaitUntilNoCopyRebuildsAsync(node);
        var accepted = await node.PostAsync("/index/_rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("/health", accepted.Headers.Location?.OriginalString);
        var differences = new List<string>();
        var answeredWhileRebuilding = 0;
        var clock = Stopwatch.StartNew();
        while ((await node.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!.Shards.Any(s => s.Copies.Any(c => c.Rebuilding)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the copies did not finish rebuilding within 3 minutes");
            for (var i = 0; i < urls.Count; i++)
                differences.AddRange(AnswerDifferences.Of($"during: {urls[i]}", expected[i], await ProcessCluster.SearchAsync(node, urls[i])));
            answeredWhileRebuilding += urls.Count;
        }
        for (var i = 0; i < urls.Count; i++)
            differences.AddRange(AnswerDifferences.Of($"after: {urls[i]}", expected[i], await ProcessCluster.SearchAsync(node, urls[i])));

        output.WriteLine($"Every copy rebuilt in {clock.Elapsed.TotalSeconds:F1} s; {answeredWhileRebuilding} searches answered meanwhile");
        AssertNoDifferences(differences);
    }

    [PostgresReutersFact]
    public async Task Writes_acknowledged_while_every_copy_rebuilds_are_found_in_every_rebuilt_copy()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        await WaitUntilNoCopyRebuildsAsync(clients[0]);
        Assert.Equal(HttpStatusCode.Accepted, (await clients[0].PostAsync("/index/_rebuild", null)).StatusCode);
        var words = new List<string>();
        var clock = Stopwatch.StartNew();
        do
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the copies did not finish rebuilding within 3 minutes");
            var word = $"rebuildprobe{words.Count}x";
            await cluster.PutAsync(clients[words.Count % clients.Length], Probe($"during-rebuild-{words.Count}-{Guid.NewGuid():N}", word));
            words.Add(word);
            await Task.Delay(200);
        }
        while ((await clients[0].GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!.Shards.Any(s => s.Copies.Any(c => c.Rebuilding)));
        await ProcessCluster.WaitUntilEveryCopyAtTheLastVersionAsync(clients[0]);

        output.WriteLine($"{words.Count} writes acknowledged while the copies rebuilt ({clock.Elapsed.TotalSeconds:F1} s)");
        // Each node asks the two copies of a shard in turn: two searches a node meet both.
        var missing = new List<string>();
        foreach (var word in words)
        {
            foreach (var (client, n) in clients.Select((c, n) => (c, n)))
            {
                for (var round = 0; round < 2; round++)
                {
                    if ((await ProcessCluster.SearchAsync(client, $"/search?q={word}")).Total != 1)
                        missing.Add($"{word} through node {n}, search {round + 1}");
                }
            }
        }
        Assert.Empty(missing);
    }

    [PostgresReutersFact]
    public async Task A_second_rebuild_asked_while_every_copy_rebuilds_answers_409_problem_json_as_the_single_node_does()
    {
        var node = await cluster.Node[0].ClientAsync();
        await WaitUntilNoCopyRebuildsAsync(node);
        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Single.PostAsync("/index/_rebuild", null)).StatusCode);
        using var single = await cluster.Single.PostAsync("/index/_rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, (await node.PostAsync("/index/_rebuild", null)).StatusCode);

        using var again = await node.PostAsync("/index/_rebuild", null);

        Assert.Equal(HttpStatusCode.Conflict, single.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal((await single.Content.ReadFromJsonAsync<Problem>())!.Title, (await again.Content.ReadFromJsonAsync<Problem>())!.Title);
        await WaitUntilNoCopyRebuildsAsync(node);
        var clock = Stopwatch.StartNew();
        while ((await cluster.Single.GetFromJsonAsync<SingleHealth>("/health"))!.Status == "indexing")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the single node did not finish rebuilding within 3 minutes");
            await Task.Delay(250);
        }
    }

    private sealed record Problem(string Title, int Status, string Detail);

    private sealed record SingleHealth(string Status);

    private static async Task WaitUntilNoCopyRebuildsAsync(HttpClient node)
    {
        var clock = Stopwatch.StartNew();
        while ((await node.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!.Shards.Any(s => s.Copies.Any(c => c.Rebuilding)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the copies did not finish rebuilding within 3 minutes");
            await Task.Delay(250);
        }
    }

    [PostgresReutersFact]
    public async Task Health_reports_the_three_nodes_active_and_both_copies_of_every_shard_on_two_nodes_at_the_last_version()
    {
        var node = await cluster.Node[1].ClientAsync();
        await ProcessCluster.WaitUntilCompleteAsync(node, activeNodes: 3);

        var health = (await node.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!;

        Assert.Equal("ready", health.Status);
        Assert.Equal(cluster.Node.Select(n => n.SiloPort).Order(), health.Nodes.Select(n => SiloPort(n.Address)).Order());
        Assert.Equal(Enumerable.Range(0, 8), health.Shards.Select(s => s.Shard));
        Assert.All(health.Shards, shard =>
        {
            Assert.Equal(2, shard.Copies.Count(copy => copy.AppliedVersion == health.LogVersion && copy.Lag == 0));
            Assert.Equal(2, shard.Copies.Select(copy => copy.Node).Distinct().Count());
        });
    }

    [PostgresReutersFact]
    public async Task A_node_killed_under_load_fails_queries_for_less_than_ten_seconds_and_loses_no_acknowledged_write()
    {
        var clients = await Task.WhenAll(cluster.Node.Select(n => n.ClientAsync()));
        var victim = await NodeHoldingMostShardsAsync(clients[0]);
        var survivors = clients.Where((_, n) => n != victim).ToArray();
        var urls = SeededQueries.Draw(cluster.Reuters, request =>
                ProcessCluster.SearchAsync(cluster.Single, SearchQueryString.Of(request)).GetAwaiter().GetResult().Facets, perKind: 1, seed: 7)
            .Select(r => SearchQueryString.Of(r.Request)).ToList();
        var failures = new ConcurrentQueue<(TimeSpan At, string Why)>();
        var acknowledged = new ConcurrentQueue<string>();
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = default;

        var load = survivors.Select(client => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await ProcessCluster.SearchAsync(client, urls[i % urls.Count]);
                    Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue((clock.Elapsed, e.Message));
                }
            }
        })).ToList();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"during-kill-{i}-{Guid.NewGuid():N}";
                try
                {
                    await cluster.PutAsync(survivors[i % survivors.Length], Probe(id, $"killprobe{i}"));
                    acknowledged.Enqueue(id);
                }
                catch (HttpRequestException)
                {
                    // Not acknowledged: nothing is promised of it.
                }
                await Task.Delay(100);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        killedAt = clock.Elapsed;
        cluster.Node[victim].Kill();
        try
        {
            var recovery = RecoveryAsync(survivors[0], cluster.Node[victim].SiloPort, clock, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(12));
            await stop.CancelAsync();
            await Task.WhenAll([.. load, writes]);
            var (declaredDead, bothCopies) = await recovery;

            var failed = failures.ToList();
            var window = failed.Count == 0 ? TimeSpan.Zero : failed.Max(f => f.At) - killedAt;
            output.WriteLine($"Killed node {victim} at {killedAt.TotalSeconds:F1} s; {answered} answers, {failed.Count} failures, " +
                             $"the last {window.TotalSeconds:F2} s after the kill; {acknowledged.Count} writes acknowledged meanwhile; " +
                             $"declared dead in the membership table {Seconds(declaredDead - killedAt)} after the kill, two copies of every shard " +
                             $"answering on the survivors (/health) {Seconds(bothCopies - killedAt)} after it");
            foreach (var (at, why) in failed.Take(5))
                output.WriteLine($"  at {at.TotalSeconds:F2} s: {why[..Math.Min(600, why.Length)]}");
            Assert.True(window < FailingAtMost, $"queries failed until {window.TotalSeconds:F1} s after the kill");
            await ProcessCluster.WaitUntilCompleteAsync(survivors[0]);
            var differences = new List<string>();
            foreach (var url in urls)
                differences.AddRange(AnswerDifferences.Of(url, await ProcessCluster.SearchAsync(cluster.Single, url), await ProcessCluster.SearchAsync(survivors[0], url)));
            AssertNoDifferences(differences);
            foreach (var (id, i) in acknowledged.Select((id, i) => (id, i)))
                Assert.Equal(HttpStatusCode.OK, (await survivors[i % survivors.Length].GetAsync($"/articles/{id}")).StatusCode);
        }
        finally
        {
            // The next test meets three nodes again.
            cluster.Node[victim].Restart();
        }

        var restartClock = Stopwatch.StartNew();
        var restarted = await cluster.Node[victim].ClientAsync();
        await ProcessCluster.WaitUntilCompleteAsync(restarted, activeNodes: 3);
        output.WriteLine($"The killed node rejoined and the cluster was complete {restartClock.Elapsed.TotalSeconds:F1} s after its restart");
        foreach (var url in urls)
            Assert.Empty(AnswerDifferences.Of(url, await ProcessCluster.SearchAsync(cluster.Single, url), await ProcessCluster.SearchAsync(restarted, url)));
    }

    /// <summary>
    /// When, on <paramref name="clock"/>, Orleans declared the killed silo dead (its membership row, read every 50 ms),
    /// and when the node's /health next had two copies of every shard answering, none on the dead silo; null: not
    /// within the load's run.
    /// </summary>
    private async Task<(TimeSpan? DeclaredDead, TimeSpan? BothCopies)> RecoveryAsync(HttpClient survivor, int killedSiloPort, Stopwatch clock, CancellationToken stop)
    {
        TimeSpan? declaredDead = null;
        var watchingMembership = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && declaredDead is null)
            {
                if (await cluster.DeclaredDeadAsync(killedSiloPort))
                    declaredDead = clock.Elapsed;
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);
        TimeSpan? bothCopies = null;
        while (!stop.IsCancellationRequested && bothCopies is null)
        {
            try
            {
                var health = (await survivor.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json, CancellationToken.None))!;
                if (health.Shards.All(s => s.Copies.Count == 2 && s.Copies.All(c => SiloPort(c.Node) != killedSiloPort)))
                    bothCopies = clock.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not answered this time: asked again.
            }
            await Task.Delay(100, CancellationToken.None);
        }
        await watchingMembership;
        return (declaredDead, bothCopies);
    }

    private static string Seconds(TimeSpan? after) => after is { } t ? $"{t.TotalSeconds:F2} s" : "not (within the load's run)";

    private async Task<int> NodeHoldingMostShardsAsync(HttpClient client)
    {
        var health = (await client.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!;
        var bySilo = health.Shards.SelectMany(s => s.Copies).GroupBy(c => c.Node).OrderByDescending(g => g.Count()).First();
        output.WriteLine($"Shards per node: {string.Join(", ", health.Shards.SelectMany(s => s.Copies).GroupBy(c => c.Node).Select(g => $"{g.Key}: {g.Count()}"))}");
        return cluster.Node.ToList().FindIndex(n => bySilo.Key.Contains($":{n.SiloPort}:", StringComparison.Ordinal));
    }

    /// <summary>The port of a silo address as Orleans writes it: S127.0.0.1:11111:155290273.</summary>
    private static int SiloPort(string address) => int.Parse(address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static Article Probe(string id, string word) =>
        new(id, $"Probe {word}", [$"The probe word {word} appears in this paragraph only."], new DateTimeOffset(1987, 3, 1, 0, 0, 0, TimeSpan.Zero));

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(share * sorted.Count))];
    }

    // Assert.Empty truncates each difference to a few dozen characters: the whole of each goes to the test's output.
    private void AssertNoDifferences(List<string> differences)
    {
        foreach (var difference in differences.Take(20))
            output.WriteLine($"difference: {difference}");
        Assert.Empty(differences);
    }
}
