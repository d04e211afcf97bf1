using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>
/// The figures of an index's words that a search reads before it scores: how many paragraphs there are, how many hold a
/// word, and the words within an edit or two of a typo. One index's (<see cref="IndexVocabulary"/>), or the sums over the
/// shards of a sharded index, so that a typo is corrected alike however the paragraphs are split.
/// </summary>
public interface IVocabulary
{
    /// <summary>Paragraphs searchable now (deleted ones not counted).</summary>
    int Paragraphs { get; }

    /// <summary>Paragraphs holding <paramref name="term"/>.</summary>
    int DocFreq(Term term);

    /// <summary>
    /// The indexed terms of <paramref name="term"/>'s field within <paramref name="maxEdits"/> of it (with its first letter;
    /// a transposition is one edit), each with its document frequency, in term order (<see cref="Utf8Order"/>).
    /// </summary>
    IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits);
}
