using Lucene.Net.Index;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Corrects a misspelt query word from the index's own vocabulary: a word the paragraphs do not contain (or contain
/// only a few times, as a typo in the corpus would be) is matched to the most frequent indexed word within one edit
/// (two for long words). Correct words that the index knows well are never touched, so spelt queries are not flooded.
/// </summary>
public sealed class SpellingCorrector(IVocabulary vocabulary) : IWordCorrector
{
    /// <summary>A word in fewer paragraphs than this may be a typo.</summary>
    public const int RareBelow = 3;

    /// <summary>A correction must be in this many times more paragraphs than the word itself.</summary>
    public const int MoreCommonBy = 10;

    /// <summary>Shorter words have too many neighbours one edit away to correct safely.</summary>
    public const int MinLength = 4;

    public string? Correct(string term, int rareBelow = RareBelow)
    {
        if (term.Length < MinLength)
            return null;
        var own = vocabulary.DocFreq(new Term(IndexSchema.Text, term));
        if (own >= rareBelow)
            return null;
        var maxEdits = term.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestFreq = Math.Max(1, own * MoreCommonBy) - 1;
        // In term order, so of equally frequent candidates the first in term order wins.
        foreach (var (text, freq) in vocabulary.Neighbours(new Term(IndexSchema.Text, term), maxEdits))
        {
            if (freq > bestFreq && text != term)
                (best, bestFreq) = (text, freq);
        }
        return best;
    }
}
