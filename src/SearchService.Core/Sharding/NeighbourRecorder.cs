using Lucene.Net.Index;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// The paragraphs of the query's words summed over every shard, noting the neighbours a spelling corrector looks for
/// (finding none): the corrector decides, as it will once they are gathered, which words are rare enough over the
/// whole index to look for them and how far. Only those are then asked of the shards.
/// </summary>
internal sealed class NeighbourRecorder(IVocabulary summed) : IVocabulary
{
    private readonly Dictionary<string, NeighbourLookup> lookups = new(StringComparer.Ordinal);

    /// <summary>The words whose neighbours were looked for, each once.</summary>
    public IReadOnlyList<NeighbourLookup> Lookups => [.. lookups.Values];

    public int Paragraphs => summed.Paragraphs;

    public int DocFreq(Term term) => summed.DocFreq(term);

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits)
    {
        lookups.TryAdd(term.Text, new NeighbourLookup(term.Text, maxEdits));
        return [];
    }
}
