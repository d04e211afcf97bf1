using SearchService.Core.Searching;

namespace SearchService.Tests.Sharding;

/// <summary>
/// How a sharded index's related articles differ from one index's: the same articles in the same order, each by the
/// same paragraph, with the same similarity by meaning; scores to a relative 1e-5 (the float sums differ in order).
/// </summary>
public static class RelatedDifferences
{
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
