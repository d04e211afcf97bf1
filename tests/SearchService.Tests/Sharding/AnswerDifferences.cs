using System.Text.Json;
using SearchService.Core.Searching;

namespace SearchService.Tests.Sharding;

/// <summary>
/// How a sharded search's answer differs from one index's: the hits (ids, order, other matches, pinned marks, snippets, scores
/// beyond a relative 1e-5, explanations), totals, every facet count, the date histogram, the region tree and "did you mean".
/// </summary>
public static class AnswerDifferences
{
    public const double ScoreTolerance = 1e-5;

    /// <returns>One line per difference, naming the request; none when the answers agree.</returns>
    public static IEnumerable<string> Of(string label, SearchResult expected, SearchResult actual)
    {
        if (expected.Total != actual.Total || expected.TotalArticles != actual.TotalArticles)
            yield return $"{label}: totals {expected.Total}/{expected.TotalArticles} vs {actual.Total}/{actual.TotalArticles}";
        var (expectedIds, actualIds) = (Ids(expected), Ids(actual));
        if (expectedIds != actualIds)
            yield return $"{label}: hits [{expectedIds}] vs [{actualIds}]";
        foreach (var (one, other) in expected.Hits.Zip(actual.Hits))
        {
            if (!ScoresAgree(one.Score, other.Score))
                yield return $"{label}: score of {one.Id} {one.Score} vs {other.Score}";
            if (one.Snippet != other.Snippet || one.TitleHighlight != other.TitleHighlight)
                yield return $"{label}: snippet of {one.Id} differs";
            if (one.Explanation is not null || other.Explanation is not null)
            {
                if (!ScoresAgree(one.Explanation?.Score, other.Explanation?.Score) || Parts(one.Explanation) != Parts(other.Explanation))
                    yield return $"{label}: explanation of {one.Id} {Parts(one.Explanation)} vs {Parts(other.Explanation)}";
            }
        }
        var (expectedFacets, actualFacets) = (JsonSerializer.Serialize(expected.Facets), JsonSerializer.Serialize(actual.Facets));
        if (expectedFacets != actualFacets)
            yield return $"{label}: facets {expectedFacets} vs {actualFacets}";
        if (expected.DidYouMean != actual.DidYouMean)
            yield return $"{label}: did you mean '{expected.DidYouMean}' vs '{actual.DidYouMean}'";
    }

    private static string Parts(HitExplanation? explanation) =>
        explanation is null ? "none" : string.Join(", ", explanation.Parts.Select(p => $"{p.Field}:{p.Match}"));

    private static string Ids(SearchResult result) =>
        string.Join(' ', result.Hits.Select(h => $"{h.Id}+{h.OtherMatches}{(h.Pinned == true ? " (pinned)" : "")}"));

    private static bool ScoresAgree(float? expected, float? actual) =>
        expected is null || actual is null
            ? expected == actual
            : Math.Abs(expected.Value - actual.Value) <= ScoreTolerance * Math.Max(Math.Abs(expected.Value), float.Epsilon);
}
