using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Corrects a misspelt query word from the index's own vocabulary: a word the paragraphs do not contain (or contain
/// only a few times, as a typo in the corpus would be) is matched to the most frequent indexed word within one edit
/// (two for long words). Correct words that the index knows well are never touched, so spelt queries are not flooded.
/// </summary>
public sealed partial class SpellingCorrector(Analyzer analyzer)
{
    /// <summary>A word in fewer paragraphs than this may be a typo.</summary>
    public const int RareBelow = 3;

    /// <summary>A correction must be in this many times more paragraphs than the word itself.</summary>
    public const int MoreCommonBy = 10;

    /// <summary>Shorter words have too many neighbours one edit away to correct safely.</summary>
    public const int MinLength = 4;

    /// <summary>The indexed term (text field) to search instead of <paramref name="term"/>, or null when it looks right.</summary>
    /// <param name="rareBelow">Only a term in fewer paragraphs than this is corrected.</param>
    public string? Correct(IndexReader reader, string term, int rareBelow = RareBelow)
    {
        if (term.Length < MinLength)
            return null;
        var own = reader.DocFreq(new Term(IndexSchema.Text, term));
        if (own >= rareBelow || MultiFields.GetTerms(reader, IndexSchema.Text) is not { } terms)
            return null;
        var maxEdits = term.Length >= 8 ? 2 : 1;
        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexSchema.Text, term), maxEdits, prefixLength: 1, transpositions: true);
        string? best = null;
        var bestFreq = Math.Max(1, own * MoreCommonBy) - 1;
        while (candidates.MoveNext())
        {
            var freq = candidates.DocFreq;
            var text = candidates.Term.Utf8ToString();
            if (freq > bestFreq && text != term)
                (best, bestFreq) = (text, freq);
        }
        return best;
    }

    /// <summary>A readable word of <paramref name="text"/> that is indexed as <paramref name="term"/> ("terrorism" for "terror").</summary>
    public string? SurfaceForm(string text, string term) =>
        Words().Matches(text).Select(m => m.Value).FirstOrDefault(word => IndexedTerm.Of(analyzer, word) == term)?.ToLowerInvariant();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
