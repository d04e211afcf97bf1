using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Benchmarks.Performance;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Store;

/// <summary>
/// <c>speaker-table</c>: what the cluster's speaker identity table costs a write batch. The collection is written
/// through a node's writer path (<see cref="ClusterSpeakerIdentities.ExtractAsync(IReadOnlyList{SearchService.Core.Corpus.Article}, CancellationToken)"/>)
/// on a scratch database, <see cref="Batch"/> articles a batch as the API's bulk writes and the corpus writer do; each
/// batch is also extracted without the table first, untimed against it, so that the difference is the table's part:
/// learning, resolving, saving the whole table and storing it under the row's lock.
/// </summary>
public static class SpeakerTableBenchmark
{
    public const int Batch = 500;
    private const int Repeats = 21;

    public static async Task<int> Run(string[] args)
    {
        var (server, corpus, limit) = (Environment.GetEnvironmentVariable("SEARCHSERVICE_TEST_POSTGRES") ?? "", SharedFolder.Reuters, (int?)null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--postgres": server = args[i + 1]; break;
                case "--corpus": corpus = args[i + 1]; break;
                case "--limit": limit = int.Parse(args[i + 1]); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
            }
        }
        if (server.Length == 0)
        {
            Console.Error.WriteLine("No PostgreSQL: give --postgres CONNECTION or set SEARCHSERVICE_TEST_POSTGRES (bash scripts/postgres.sh url DIR PORT prints one).");
            return 2;
        }
        var articles = BenchmarkCorpus.Load(corpus, limit, scale: 1);
        await using var database = await ScratchDatabase.CreateAsync(server, "searchservice_speakers_bench");
        var log = new SiloArticleLog(new ArticleLogOptions(database.ConnectionString));
        var extractor = NewsFacetExtractor.Load();
        await using var speakers = new ClusterSpeakerIdentities(log, extractor, Options.Create(new ShardGrainOptions()), NullLogger<ClusterSpeakerIdentities>.Instance);
        var table = new PostgresSharedRow(await log.GetAsync(), PostgresSharedRow.SpeakerIdentitiesTable);
        var (withTable, without, tableMs) = (new List<double>(), new List<double>(), new List<double>());
        long bytes = 0;
        foreach (var batch in articles.Chunk(Batch))
        {
            var plain = Stopwatch.StartNew();
            foreach (var article in batch)
                extractor.Extract(article);
            without.Add(plain.Elapsed.TotalMilliseconds);
            var learnt = Stopwatch.StartNew();
            await speakers.ExtractAsync(batch, CancellationToken.None);
            withTable.Add(learnt.Elapsed.TotalMilliseconds);
            tableMs.Add(withTable[^1] - without[^1]);
            bytes = (await table.ReadAsync(-1, CancellationToken.None)).State!.Length;
            Console.WriteLine($"batch {withTable.Count}: {withTable[^1]:F0} ms with the table, {without[^1]:F0} ms without; table {bytes / 1024.0 / 1024.0:F2} MB");
        }
        // The whole-table part alone, at the end's size, measured directly: saving the table, and storing it in a
        // transaction under the row's lock (as each batch does), each of Repeats times.
        var (version, state) = await table.ReadAsync(-1, CancellationToken.None);
        var loaded = SpeakerIdentities.Load(new MemoryStream(state!), extractor.SpeakerLexicon);
        var (saving, storing) = (new List<double>(), new List<double>());
        for (var i = 0; i < Repeats; i++)
        {
            var save = Stopwatch.StartNew();
            loaded.Save(new MemoryStream());
            saving.Add(save.Elapsed.TotalMilliseconds);
            var store = Stopwatch.StartNew();
            (version, _) = await table.ChangeAsync<int>(version, _ => (0, state!), CancellationToken.None);
            storing.Add(store.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"At the end's size, over {Repeats} times: saving the table p50 {Percentiles.Of(saving).P50:F1} ms, " +
                          $"storing it under the lock p50 {Percentiles.Of(storing).P50:F1} ms (largest {storing.Max():F1} ms)");
        var share = Percentiles.Of(tableMs);
        Console.WriteLine($"{articles.Count} articles, {withTable.Count} batches of {Batch}: the table's part of a batch p50 {share.P50:F0} ms, " +
                          $"largest {tableMs.Max():F0} ms, last {tableMs[^1]:F0} ms (a batch's extraction without it p50 {Percentiles.Of(without).P50:F0} ms); " +
                          $"the table stored at the end: {bytes / 1024.0 / 1024.0:F2} MB ({bytes:N0} bytes)");
        return 0;
    }
}
