using System.Diagnostics;
using System.Text.Json;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Sharding;

/// <summary>
/// The first Reuters articles in one index and split over shards: 300 seeded requests of every kind
/// (<see cref="SeededQueries"/>) get the same hits in the same order, the same scores (to a relative 1e-5), totals,
/// facet counts, date histograms and region trees from the shards as from the one index.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ReutersShardedSearchTests(ITestOutputHelper output)
{
    private const int Articles = 2000;
    private const int PerKind = 25;
    private const int Seed = 18;

    [ReutersFact]
    public void Three_shards_answer_seeded_requests_as_one_index_does() => AnswersAsOneIndex(3);

    [ReutersFact]
    public void Eight_shards_answer_seeded_requests_as_one_index_does() => AnswersAsOneIndex(8);

    private void AnswersAsOneIndex(int shards)
    {
        var articles = ReadArticles();
        using var indexes = new ShardedIndexes(shards, articles);
        var (single, sharded) = (indexes.SearcherOverOneIndex(), indexes.SearcherOverShards());
        var requests = SeededQueries.Draw(articles, request => single.Search(request).Facets, PerKind, Seed);

        var differences = new List<string>();
        var (singleTime, shardedTime) = (new Stopwatch(), new Stopwatch());
        var answered = new Dictionary<string, (int Requests, int WithHits)>();
        foreach (var (kind, request) in requests)
        {
            singleTime.Start();
            var expected = single.Search(request);
            singleTime.Stop();
            shardedTime.Start();
            var actual = sharded.Search(request);
            shardedTime.Stop();
            differences.AddRange(AnswerDifferences.Of($"{kind} {JsonSerializer.Serialize(request)}", expected, actual));
            var (count, withHits) = answered.GetValueOrDefault(kind);
            answered[kind] = (count + 1, withHits + (expected.Hits.Count > 0 ? 1 : 0));
        }

        foreach (var (kind, (count, withHits)) in answered)
            output.WriteLine($"{kind}: {count} requests, {withHits} with hits");
        output.WriteLine($"{requests.Count} requests over {Articles} articles: one index {singleTime.ElapsedMilliseconds} ms, {shards} shards {shardedTime.ElapsedMilliseconds} ms");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    private static List<Article> ReadArticles()
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles).ToList();
    }
}
