using Lucene.Net.Index;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>The words of every shard together: counts summed, neighbours of a typo merged in term order.</summary>
internal sealed class ShardedVocabulary(IReadOnlyList<IVocabulary> shards) : IVocabulary
{
    public int Paragraphs => shards.Sum(s => s.Paragraphs);

    public int DocFreq(Term term) => shards.Sum(s => s.DocFreq(term));

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) =>
        shards.SelectMany(s => s.Neighbours(term, maxEdits))
            .GroupBy(n => n.Term, StringComparer.Ordinal)
            .Select(g => new TermFrequency(g.Key, g.Sum(n => n.DocFreq)))
            .OrderBy(n => n.Term, Utf8Order.Instance)
            .ToList();
}
