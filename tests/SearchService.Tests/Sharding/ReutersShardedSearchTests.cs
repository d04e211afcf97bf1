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
/// facet counts, date histograms and region trees from the shards as from the one index, and the same suggestions for
/// the starts of their words.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ReutersShardedSearchTests(ITestOutputHelper output)
{
    private const int Articles = 2000;
    private const int PerKind = 25;
    private const int Seed = 18;

    [ReutersFact]
    public Task Three_shards_answer_seeded_requests_as_one_index_does() => AnswersAsOneIndexAsync(3);

    [ReutersFact]
    public Task Eight_shards_answer_seeded_requests_as_one_index_does() => AnswersAsOneIndexAsync(8);

    private async Task AnswersAsOneIndexAsync(int shards)
    {
        var articles = ReadArticles();
        using var indexes = new ShardedIndexes(shards, articles);
        var (single, sharded) = (indexes.SearcherOverOneIndex(), indexes.SearcherOverShards());
        var requests = SeededQueries.Draw(articles, request => single.Search(request).Facets, PerKind, Seed);

        var differences = new List<string>();
        var answered = new Dictionary<string, Answered>();
        foreach (var (kind, request) in requests)
        {
            var clock = Stopwatch.StartNew();
            var expected = single.Search(request);
            var singleTime = clock.Elapsed;
            clock.Restart();
            var actual = await sharded.SearchAsync(request);
            var shardedTime = clock.Elapsed;
            differences.AddRange(AnswerDifferences.Of($"{kind} {JsonSerializer.Serialize(request)}", expected, actual));
            var before = answered.GetValueOrDefault(kind);
            answered[kind] = new Answered(before.Requests + 1, before.WithHits + (expected.Hits.Count > 0 ? 1 : 0),
                before.OneIndex + singleTime, before.Shards + shardedTime);
        }

        // What a user typing the words of those requests is offered: a word's start, or a phrase's.
        var (oneIndexSuggester, shardsSuggester) = (indexes.SuggesterOverOneIndex(), indexes.SuggesterOverShards());
        var typed = requests.Where(r => r.Kind is "term" or "two terms").Select(r => r.Request.Query!).Select(q => q[..Math.Min(q.Length, q.IndexOf(' ') + 3)]).ToList();
        foreach (var text in typed)
        {
            var (expected, actual) = (oneIndexSuggester.Suggest(text, 10), shardsSuggester.Suggest(text, 10));
            if (!expected.SequenceEqual(actual))
                differences.Add($"suggestions for '{text}': {string.Join(", ", expected)} vs {string.Join(", ", actual)}");
        }
        output.WriteLine($"suggestions: {typed.Count} typed starts");

        foreach (var (kind, (count, withHits, oneIndex, onShards)) in answered)
            output.WriteLine($"{kind}: {count} requests, {withHits} with hits; one index {oneIndex.TotalMilliseconds:F0} ms, {shards} shards {onShards.TotalMilliseconds:F0} ms");
        output.WriteLine($"{requests.Count} requests over {Articles} articles: one index {answered.Values.Sum(a => a.OneIndex.TotalMilliseconds):F0} ms, "
            + $"{shards} shards {answered.Values.Sum(a => a.Shards.TotalMilliseconds):F0} ms");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    /// <summary>How many requests of a kind ran, how many had hits, and the time each searcher took for them.</summary>
    private readonly record struct Answered(int Requests, int WithHits, TimeSpan OneIndex, TimeSpan Shards);

    private static List<Article> ReadArticles()
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(Articles).ToList();
    }
}
