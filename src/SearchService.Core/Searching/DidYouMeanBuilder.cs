using System.Text.RegularExpressions;
using Lucene.Net.Analysis;

namespace SearchService.Core.Searching;

/// <summary>
/// Writes the "did you mean" query: the user's input with each corrected word replaced by a readable form of its
/// correction, taken from the text of the hits (the index holds stems: "terror", not "terrorism").
/// </summary>
public sealed partial class DidYouMeanBuilder(Analyzer analyzer)
{
    public string? DidYouMean(string? query, IReadOnlyList<SpellingCorrection> corrections, IReadOnlyList<SearchHit> hits)
    {
        if (query is null || corrections.Count == 0)
            return null;
        var suggestion = query;
        foreach (var correction in corrections)
        {
            var readable = hits.Select(h => SurfaceForm(h.Title + " " + h.Text, correction.CorrectedTerm)).FirstOrDefault(w => w is not null)
                ?? correction.CorrectedTerm;
            suggestion = Regex.Replace(suggestion, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(correction.Typed)}(?![\p{{L}}\p{{N}}])", readable, RegexOptions.IgnoreCase);
        }
        return suggestion == query ? null : suggestion;
    }

    /// <summary>A readable word of <paramref name="text"/> that is indexed as <paramref name="term"/> ("terrorism" for "terror").</summary>
    private string? SurfaceForm(string text, string term) =>
        Words().Matches(text).Select(m => m.Value).FirstOrDefault(word => IndexedTerm.Of(analyzer, word) == term)?.ToLowerInvariant();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
