using Lucene.Net.Index;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// A shard's vocabulary that notes the neighbours a spelling corrector looked for: the corrector decides, as the
/// gatherer's will, whether a word is rare enough to look for them and how far.
/// </summary>
internal sealed class NeighbourRecorder(IVocabulary vocabulary) : IVocabulary
{
    /// <summary>The neighbours last looked for; null: none were.</summary>
    public IReadOnlyList<TermFrequency>? Found { get; private set; }

    public int Paragraphs => vocabulary.Paragraphs;

    public int DocFreq(Term term) => vocabulary.DocFreq(term);

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) => Found = vocabulary.Neighbours(term, maxEdits);
}
