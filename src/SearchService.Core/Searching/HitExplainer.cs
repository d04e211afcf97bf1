using System.Text.RegularExpressions;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Turns Lucene's score explanation of a hit into its main parts: one per matched word or phrase and field. Lucene's
/// tree also holds BM25's inner factors (idf, tf, length norm); those stay out, as users ask what matched, not why BM25.
/// A recency decay's factor (<see cref="RecencyQuery"/>) is given apart from the parts, which add up to the relevance it multiplies.
/// </summary>
internal static partial class HitExplainer
{
    public static HitExplanation Explain(IndexSearcher searcher, Query query, int doc)
    {
        var explanation = searcher.Explain(query, doc);
        var parts = new List<ScorePart>();
        Collect(explanation, parts);
        var merged = parts
            .GroupBy(p => (p.Field, p.Match))
            .Select(g => new ScorePart(g.Key.Field, g.Key.Match, g.Sum(p => p.Score)))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Field, StringComparer.Ordinal)
            .ThenBy(p => p.Match, StringComparer.Ordinal)
            .ToList();
        return new HitExplanation(explanation.Value, merged) { RecencyFactor = RecencyFactorIn(explanation) };
    }

    /// <summary>The factor of a <see cref="RecencyQuery"/> in the tree; null without one.</summary>
    private static float? RecencyFactorIn(Explanation node) =>
        node.Description.StartsWith(RecencyQuery.FactorDescription, StringComparison.Ordinal)
            ? node.Value
            : (node.GetDetails() ?? []).Select(RecencyFactorIn).FirstOrDefault(f => f is not null);

    private static void Collect(Explanation node, List<ScorePart> parts, float share = 1)
    {
        if (!node.IsMatch)
            return;
        if (Weight().Match(node.Description) is { Success: true } match)
        {
            parts.Add(new ScorePart(match.Groups["field"].Value, match.Groups["match"].Value.Trim('"'), node.Value * share));
            return;
        }
        var details = (node.GetDetails() ?? []).Where(d => d.IsMatch).ToList();
        if (node.Description.StartsWith("max", StringComparison.Ordinal) && details.Count > 1)
        {
            // A word across fields (DisjunctionMaxQuery): the best field counts in full, the others only in part.
            var best = details.MaxBy(d => d.Value)!;
            var othersSum = details.Sum(d => d.Value) - best.Value;
            var othersShare = othersSum > 0 ? (node.Value - best.Value) / othersSum : 0;
            foreach (var detail in details)
                Collect(detail, parts, share * (detail == best ? 1 : othersShare));
            return;
        }
        foreach (var detail in details)
            Collect(detail, parts, share);
    }

    // "weight(text:terror in 12) [BM25Similarity], result of:" and "weight(text:\"heat conduct\"~2 in 5) …"
    [GeneratedRegex(@"^weight\((?<field>\w+):(?<match>.+?) in \d+\)")]
    private static partial Regex Weight();
}
