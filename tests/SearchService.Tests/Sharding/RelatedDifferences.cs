using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using Xunit.Abstractions;

namespace SearchService.Tests.Sharding;

/// <summary>
/// How a sharded index's related articles differ from one index's: the same articles in the same order, each by the
/// same paragraph, with the same similarity by meaning; scores to a relative 1e-5 (the float sums differ in order).
/// </summary>
public static class RelatedDifferences
{
    /// <summary>
    /// Related articles of <paramref name="sources"/> articles spread over <paramref name="articles"/>, each asked
    /// <paramref name="bys"/>, without a filter and within the region most paragraphs of <paramref name="oneIndex"/> have.
    /// </summary>
    public static List<RelatedRequest> Requests(IReadOnlyList<Article> articles, SearchIndex oneIndex, int sources, params RelatedBy[] bys)
    {
        var region = new ParagraphSearcher(oneIndex).Search(new SearchRequest(null)).Facets.Region[0].Value;
        return [.. from article in articles.Where((_, i) => i % (articles.Count / sources) == 0)
            from way in bys
            from filters in new[] { new SearchRequest(null), new SearchRequest(null, Region: [region]) }
            select new RelatedRequest(article.Id, filters, 10, way)];
    }

    /// <summary>Asks both finders every request and asserts the same answers, over enough related articles to tell.</summary>
    public static async Task AssertSameAsync(
        IReadOnlyList<RelatedRequest> requests, RelatedArticleFinder oneIndex, IRelatedArticleFinder shards, ITestOutputHelper output)
    {
        var differences = new List<string>();
        var hits = 0;
        foreach (var request in requests)
        {
            var expected = oneIndex.Find(request);
            hits += expected?.Hits.Count ?? 0;
            differences.AddRange(Of($"{request.ArticleId} by {request.By} {string.Join(",", request.Filters.Region ?? [])}", expected, await shards.FindAsync(request)));
        }

        output.WriteLine($"{hits} related articles over {requests.Count} requests");
        Assert.True(hits > requests.Count * 3, $"Too few related articles to compare: {hits}");
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    public static IEnumerable<string> Of(string label, RelatedArticles? expected, RelatedArticles? actual)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
                yield return $"{label}: found {(expected is null ? "nothing" : expected.Hits.Count + " hits")} on one index, {(actual is null ? "nothing" : actual.Hits.Count + " hits")} on the shards";
            yield break;
        }
        var (one, sharded) = (Keys(expected), Keys(actual));
        if (!one.SequenceEqual(sharded) || expected.By != actual.By)
        {
            yield return $"{label}: one index {expected.By} [{string.Join(", ", one)}], shards {actual.By} [{string.Join(", ", sharded)}]";
            yield break;
        }
        foreach (var (x, y) in expected.Hits.Zip(actual.Hits))
        {
            if (Math.Abs(x.Score - y.Score) > 1e-5 * Math.Max(1, Math.Abs(x.Score)) || !Close(x.Similarity, y.Similarity) || x.Snippet != y.Snippet || x.Title != y.Title)
                yield return $"{label}: {x.ArticleId} scores {x.Score} (similarity {x.Similarity}) on one index, {y.Score} ({y.Similarity}) on the shards";
        }
    }

    private static List<string> Keys(RelatedArticles related) => related.Hits.Select(h => $"{h.ArticleId}#{h.Paragraph}").ToList();

    private static bool Close(double? x, double? y) => x is null ? y is null : y is not null && Math.Abs(x.Value - y.Value) < 1e-6;
}
