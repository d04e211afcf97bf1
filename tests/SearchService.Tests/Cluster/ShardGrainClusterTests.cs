using System.Diagnostics;
using System.Text.Json;
using SearchService.Core.Corpus;
using SearchService.Cluster.Shards;
using SearchService.Core.Facets;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Facets;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Shards as grains on three in-process silos, following an article log in PostgreSQL that holds the seed article and
/// the first Reuters articles: searched through the grains they answer as one index of the same articles does, a
/// write to the log becomes searchable, and when a silo dies its shards come back on the survivors, catch up from
/// PostgreSQL and answer completely again.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardGrainClusterTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const int Shards = 8;
    private const int ReutersArticles = 300;
    private const int Seed = 18;
    private const int CatchUpArticles = 2_000;

    [PostgresReutersFact]
    public async Task Shard_grains_answer_seeded_requests_as_one_index_of_the_same_articles_does()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards);
        var caughtUp = await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        using var single = new ShardedIndexes(1, articles);
        var oneIndex = single.SearcherOverOneIndex();
        var requests = SeededQueries.Draw(articles, request => oneIndex.Search(request).Facets, perKind: 5, Seed);

        var (onOneIndex, onGrains) = (new Stopwatch(), new Stopwatch());
        var differences = new List<string>();
        foreach (var (kind, request) in requests)
        {
            onOneIndex.Start();
            var expected = oneIndex.Search(request);
            onOneIndex.Stop();
            onGrains.Start();
            var actual = await cluster.Searcher.SearchAsync(request);
            onGrains.Stop();
            differences.AddRange(AnswerDifferences.Of($"{kind} {JsonSerializer.Serialize(request)}", expected, actual));
        }

        var statuses = await cluster.StatusesAsync();
        output.WriteLine($"{articles.Count} articles applied by {Shards} shards in {caughtUp.TotalMilliseconds:F0} ms; "
            + $"{requests.Count} requests: one index {onOneIndex.ElapsedMilliseconds} ms, grains {onGrains.ElapsedMilliseconds} ms; "
            + $"shards per silo: {string.Join(", ", statuses.GroupBy(s => s.Silo).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    /// <remarks>
    /// 48 articles of two paragraphs each, spread over the shards by their ids: sections Markets, World and Sport in
    /// turn, desks Energy and Shipping in turn; each count is known, in paragraphs and in articles.
    /// </remarks>
    [PostgresFact]
    public async Task Facet_counts_of_publisher_fields_through_the_grains_are_the_exact_sums_of_every_shard_s()
    {
        string[] sections = ["Markets", "World", "Sport"];
        string[] desks = ["Energy", "Shipping"];
        var articles = Enumerable.Range(0, 48).Select(i => new Article($"port-{i}", $"Port report {i}",
            [$"The harbour of town {i} handled more ships this week.", "Dockers said the queue of ships was shorter."],
            Section: sections[i % 3], Fields: new Dictionary<string, string> { ["desk"] = desks[i % 2] })).ToList();
        await using var cluster = await ShardCluster.StartAsync(silos: 2, Shards, replicas: 1);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        using var single = new ShardedIndexes(1, articles);
        var fields = new FieldFilters(["section", "fields.desk"], new Dictionary<string, IReadOnlyList<string>> { ["section"] = ["Markets"] });

        var byArticle = new SearchRequest("ships", Unit: ResultUnit.Article, Fields: fields);
        var byParagraph = byArticle with { Unit = ResultUnit.Paragraph };
        var inArticles = (await cluster.Searcher.SearchAsync(byArticle)).Facets;
        var inParagraphs = (await cluster.Searcher.SearchAsync(byParagraph)).Facets;

        // A field's own filter leaves its counts whole; the desks are counted within Markets (i = 0, 3, ... 45).
        Assert.Equal(["Markets 16", "Sport 16", "World 16"], inArticles.Fields!["section"].Select(v => $"{v.Value} {v.Count}"));
        Assert.Equal(["Energy 8", "Shipping 8"], inArticles.Fields!["fields.desk"].Select(v => $"{v.Value} {v.Count}"));
        Assert.Equal(["Markets 32", "Sport 32", "World 32"], inParagraphs.Fields!["section"].Select(v => $"{v.Value} {v.Count}"));
        Assert.Equal(JsonSerializer.Serialize(single.SearcherOverOneIndex().Search(byParagraph).Facets), JsonSerializer.Serialize(inParagraphs));
        Assert.True((await cluster.StatusesAsync()).Count(s => s.Paragraphs > 0) > 1, "The articles did not spread over several shards.");
    }

    [PostgresReutersFact]
    public async Task An_article_written_to_the_log_becomes_searchable_through_the_grains()
    {
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles)));
        var request = new SearchRequest("\"lighthouse keepers\"");
        Assert.Equal(0, (await cluster.Searcher.SearchAsync(request)).Total);

        var clock = Stopwatch.StartNew();
        await cluster.Log.PutAsync(new Article("lighthouse", "Lighthouse keepers retire",
            ["The last lighthouse keepers of Brittany handed their keys to the coast guard on Friday."]));
        // The answer that first finds it is the one checked: copies follow the log on their own, so the next search may
        // meet a copy still refreshing.
        SearchResult found;
        while ((found = await cluster.Searcher.SearchAsync(request)).Total == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The article written was not searchable within 30 s");
            Thread.Sleep(10);
        }

        output.WriteLine($"Searchable {clock.ElapsedMilliseconds} ms after the write was acknowledged");
        Assert.Equal(["lighthouse"], found.Hits.Select(h => h.ArticleId));
    }

    /// <remarks>
    /// A copy applies a batch of changes in one round, from the version before it to the last: a status seen between
    /// the two was answered while the round ran. When rounds ran on the grain's turns, every call waited for the round
    /// to end and only the two ends could be seen.
    /// </remarks>
    [PostgresReutersFact]
    public async Task A_copy_answers_calls_while_it_applies_a_batch_of_changes()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        var before = await cluster.Log.PutAsync(SeedArticle.Article);
        await cluster.WaitUntilAppliedAsync(before);
        var copy = cluster.Cluster.Client.GetGrain<IShardGrain>(new ShardCopy(0, 0).Key);
        var request = new SearchRequest("trade");

        var last = await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(2_000).Skip(1).ToList());
        var seenMidway = new List<long>();
        var searchTimes = new List<double>();
        long applied;
        do
        {
            applied = (await copy.StatusAsync()).AppliedVersion;
            if (applied > before && applied < last)
            {
                seenMidway.Add(applied);
                var clock = Stopwatch.StartNew();
                await cluster.Searcher.SearchAsync(request);
                searchTimes.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        while (applied < last);

        output.WriteLine($"Versions {before + 1}..{last}: the copy answered at applied versions {string.Join(", ", seenMidway)}; " +
                         $"searches meanwhile took {string.Join(", ", searchTimes.Select(t => t.ToString("F0")))} ms");
        Assert.NotEmpty(seenMidway);
    }

    [PostgresReutersFact]
    public async Task A_shard_builds_its_documents_from_the_facets_stored_with_the_article()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        var article = new Article("atlantis", "Harbour reopens", ["The harbour reopened on Friday after the storm."]);
        // Facets no extractor would find in it: what the shard indexes can only have come from the log.
        var stored = new ArticleFacets(new ParagraphFacets(["Atlantis"], [], []), [new ParagraphFacets(["Atlantis"], [], [])]);

        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutAsync(article, stored));

        var found = await cluster.Searcher.SearchAsync(new SearchRequest("harbour", Region: ["Atlantis"]));
        Assert.Equal(["atlantis"], found.Hits.Select(h => h.ArticleId));
    }

    /// <remarks>
    /// Rows written before the log stored facets hold none, and their shards extract them as they apply them: the same
    /// articles with their facets emptied are the copies that extract, to compare with and to time against. Printed:
    /// the wall and processor time (of this whole process) each set of copies took to activate and catch up, and the
    /// processor time the extraction of the articles takes on one thread, which the copies no longer spend.
    /// </remarks>
    [PostgresReutersFact]
    public async Task Copies_built_from_stored_facets_answer_as_copies_that_extract_them()
    {
        var articles = ShardCluster.SeedAndReuters(CatchUpArticles);
        var (stored, storedTook) = await CaughtUpClusterAsync(articles, dropFacets: false);
        await using (stored)
        {
            var (extracting, extractingTook) = await CaughtUpClusterAsync(articles, dropFacets: true);
            await using (extracting)
            {
                var requests = SeededQueries.Draw(articles, request => extracting.Searcher.SearchAsync(request).GetAwaiter().GetResult().Facets, perKind: 2, Seed);
                var differences = new List<string>();
                foreach (var (kind, request) in requests)
                {
                    differences.AddRange(AnswerDifferences.Of($"{kind} {JsonSerializer.Serialize(request)}",
                        await extracting.Searcher.SearchAsync(request), await stored.Searcher.SearchAsync(request)));
                }

                var extraction = ThreadCpuTime.Of(() => articles.ForEach(article => Facets.Facets.Extractor.Extract(article)));
                output.WriteLine($"{articles.Count} articles on {Shards} shards, one copy each, one silo: activated and caught up in "
                                 + $"{extractingTook.Wall.TotalSeconds:F1} s ({extractingTook.Cpu.TotalSeconds:F1} s processor) extracting facets, "
                                 + $"{storedTook.Wall.TotalSeconds:F1} s ({storedTook.Cpu.TotalSeconds:F1} s processor) from the stored facets; "
                                 + $"extracting the {articles.Count} articles' facets takes {extraction.TotalSeconds:F2} s of processor on one thread");
                Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
            }
        }
    }

    [PostgresReutersFact]
    public async Task An_article_deleted_from_the_log_leaves_the_answers_of_the_grains()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        var gone = articles[1];
        var request = new SearchRequest($"\"{gone.Title}\"", Unit: ResultUnit.Article);
        Assert.Contains(gone.Id, (await cluster.Searcher.SearchAsync(request)).Hits.Select(h => h.ArticleId));

        await cluster.WaitUntilAppliedAsync((await cluster.Log.DeleteAsync(gone.Id))!.Value);

        Assert.DoesNotContain(gone.Id, (await cluster.Searcher.SearchAsync(request)).Hits.Select(h => h.ArticleId));
    }

    [PostgresReutersFact]
    public async Task A_shard_that_would_start_empty_without_the_article_log_fails_searches_instead_of_answering_without_its_articles()
    {
        var port = LoopbackPort.Free();
        var refused = $"Host=127.0.0.1;Port={port};Username=postgres;Database=searchservice";
        // One copy a shard: on one silo a second copy is unassigned, and which failure a search meets last is then a race.
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1, siloArticleLog: refused);

        var failure = await Assert.ThrowsAsync<ShardUnavailableException>(() => cluster.Searcher.SearchAsync(new SearchRequest("trade")));

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
    }

    [PostgresReutersFact]
    public async Task Shards_of_a_killed_silo_come_back_on_the_survivors_and_answer_completely()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards);
        var version = await cluster.Log.PutManyAsync(articles);
        await cluster.WaitUntilAppliedAsync(version);
        using var single = new ShardedIndexes(1, articles);
        var oneIndex = single.SearcherOverOneIndex();
        var requests = SeededQueries.Draw(articles, request => oneIndex.Search(request).Facets, perKind: 1, Seed);
        var expected = requests.Select(r => oneIndex.Search(r.Request)).ToList();
        var victim = await cluster.BusiestSecondaryAsync();
        var moved = (await cluster.StatusesAsync()).Where(s => s.Silo == victim.SiloAddress.ToString()).Select(s => (s.Shard, s.Copy)).ToList();
        Assert.NotEmpty(moved);

        var clock = Stopwatch.StartNew();
        await cluster.Cluster.KillSiloAsync(victim);
        var failed = 0;
        while (!await AnswersAllAsync(cluster, requests, expected))
        {
            failed++;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "The shards did not answer completely within 60 s of the kill");
            Thread.Sleep(50);
        }
        var answeredAgain = clock.Elapsed;

        var after = await cluster.StatusesAsync();
        output.WriteLine($"Killed {victim.SiloAddress} holding copies {string.Join(", ", moved)}: complete answers again after "
            + $"{answeredAgain.TotalMilliseconds:F0} ms ({failed} failed rounds of {requests.Count} requests)");
        Assert.All(after, s => Assert.NotEqual(victim.SiloAddress.ToString(), s.Silo));
        // A copy of the dead silo comes back either where a search's call activates it, reading the log from nothing
        // (opened at 0), or where the rebalancer built it from the log first (opened at the version the build read to):
        // whichever comes first, it has every change.
        Assert.All(after.Where(s => moved.Contains((s.Shard, s.Copy))), s =>
        {
            Assert.Equal(version, s.AppliedVersion);
            Assert.InRange(s.OpenedAtVersion, 0, version);
        });
    }

    [PostgresReutersFact]
    public async Task A_shard_activated_again_on_its_silo_opens_at_the_version_its_folder_committed()
    {
        await using var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1);
        var version = await cluster.Log.PutManyAsync(ShardCluster.SeedAndReuters(ReutersArticles));
        await cluster.WaitUntilAppliedAsync(version);
        var request = new SearchRequest("trade");
        var before = await cluster.Searcher.SearchAsync(request);

        foreach (var copy in ShardCopy.All(Shards, cluster.Replicas))
            await cluster.Cluster.DeactivateAsync(cluster.Cluster.Client.GetGrain<IShardGrain>(copy.Key));

        Assert.All(await cluster.StatusesAsync(), s => Assert.Equal((version, version), (s.OpenedAtVersion, s.AppliedVersion)));
        Assert.Empty(AnswerDifferences.Of("trade", before, await cluster.Searcher.SearchAsync(request)));
    }

    /// <summary>
    /// A cluster of one silo over <paramref name="articles"/> (its facets emptied in the log when <paramref name="dropFacets"/>)
    /// and how long its copies took to activate and apply them all.
    /// </summary>
    private static async Task<(ShardCluster Cluster, (TimeSpan Wall, TimeSpan Cpu) Took)> CaughtUpClusterAsync(List<Article> articles, bool dropFacets)
    {
        // Without the speaker table: rows without facets teach it copy by copy, in another order than the log's, so
        // with it the copies that extract keep other early short forms than one writer would (docs/cluster.md).
        var cluster = await ShardCluster.StartAsync(silos: 1, Shards, replicas: 1, speakerIdentities: false);
        var version = await cluster.Log.PutManyAsync(articles);
        if (dropFacets)
            await cluster.ExecuteAsync("UPDATE articles SET facets = NULL");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // Every copy reads and indexes its share of 2,000 articles at once: minutes on a busy machine.
        var wall = await cluster.WaitUntilAppliedAsync(version, TimeSpan.FromMinutes(5));
        return (cluster, (wall, Process.GetCurrentProcess().TotalProcessorTime - cpu));
    }

    /// <summary>Whether every request gets, through the grains, the answer of one index; a shard not answering is a no.</summary>
    private async Task<bool> AnswersAllAsync(
        ShardCluster cluster, IReadOnlyList<(string Kind, SearchRequest Request)> requests, IReadOnlyList<SearchResult> expected)
    {
        try
        {
            var differences = new List<string>();
            for (var i = 0; i < requests.Count; i++)
                differences.AddRange(AnswerDifferences.Of(requests[i].Kind, expected[i], await cluster.Searcher.SearchAsync(requests[i].Request)));
            Assert.True(differences.Count == 0, $"Answers differ after the kill:\n{string.Join('\n', differences.Take(20))}");
            return true;
        }
        catch (ShardUnavailableException e)
        {
            output.WriteLine(e.Message);
            return false;
        }
    }
}
