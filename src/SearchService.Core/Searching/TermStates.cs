using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>
/// Each term's states in the segments of one reader (<see cref="TermContext"/>), looked up once for one search. A
/// question looks its terms up at every stage (the first stage's bounds and weights, the pairs' statistics and
/// positions, the feedback words' rarity and weights), and <see cref="TermContext.Build"/> opens a new terms enumerator
/// (its arrays, a clone of the terms file) in every segment for each; here one enumerator per segment and field serves
/// them all. It is made for one search over one searcher and dropped with it, never kept across a refresh of the index:
/// a term query given these states (<see cref="Lucene.Net.Search.TermQuery(Term, TermContext)"/>) in a searcher of
/// another reader looks the term up again but keeps these states' document frequency, so it would score with stale
/// figures. Not for several threads at once.
/// </summary>
internal sealed class TermStates(IndexReaderContext top)
{
    private readonly Dictionary<Term, TermContext> contexts = [];

    /// <summary>By field, each segment's enumerator of its terms; null where the segment has none of the field.</summary>
    private readonly Dictionary<string, TermsEnum?[]> enumerators = new(StringComparer.Ordinal);

    /// <summary>The reader whose states these are.</summary>
    public IndexReaderContext Top => top;

    /// <summary>The term's states, as <see cref="TermContext.Build"/> gives them.</summary>
    public TermContext Of(Term term)
    {
        if (contexts.TryGetValue(term, out var found))
            return found;
        if (!enumerators.TryGetValue(term.Field, out var segments))
            enumerators[term.Field] = segments = top.Leaves.Select(leaf => leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator()).ToArray();
        var context = new TermContext(top);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is { } terms && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), top.Leaves[i].Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return contexts[term] = context;
    }
}
