using System.Text.RegularExpressions;
using Lucene.Net.Analysis;

namespace SearchService.Core.Searching;

/// <summary>
/// Writes the "did you mean" query: the user's input with each corrected word replaced by a readable form of its
/// correction, taken from the text of the hits (the index holds stems: "terror", not "terrorism").
/// </summary>
public sealed class DidYouMeanBuilder(Analyzer analyzer)
{
    private readonly SpellingCorrector corrector = new(analyzer);

    public string? DidYouMean(string? query, IReadOnlyList<SpellingCorrection> corrections, IReadOnlyList<SearchHit> hits)
    {
        if (query is null || corrections.Count == 0)
            return null;
        var suggestion = query;
        foreach (var correction in corrections)
        {
            var readable = hits.Select(h => corrector.SurfaceForm(h.Title + " " + h.Text, correction.CorrectedTerm)).FirstOrDefault(w => w is not null)
                ?? correction.CorrectedTerm;
            suggestion = Regex.Replace(suggestion, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(correction.Typed)}(?![\p{{L}}\p{{N}}])", readable, RegexOptions.IgnoreCase);
        }
        return suggestion == query ? null : suggestion;
    }
}
