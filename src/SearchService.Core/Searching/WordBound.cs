using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// The most a question's word can score: over the whole index (<see cref="Score"/>), and in each window of a segment's
/// documents (<see cref="AddWindows"/>). A word is a term query, or a disjunction or best-of of them under boosts, as
/// the question's parser makes it; its bound is that of its terms, summed or taken the best of as its query scores them.
/// </summary>
internal abstract class WordBound
{
    /// <summary>A frequency far beyond any paragraph's, at which BM25 gives a word its whole weight.</summary>
    private const float Saturated = 1e30f;

    /// <summary>The most the word can score anywhere.</summary>
    public abstract float Score { get; }

    /// <summary>The word's query whose term queries carry their states, so that its weight does not look them up again.</summary>
    public abstract Query Stated { get; }

    /// <summary>Adds to <paramref name="windows"/> the most the word can score in each window of the segment's documents.</summary>
    public abstract void AddWindows(Span<float> windows, IndexSearcher searcher, AtomicReaderContext leaf);

    /// <summary>
    /// The bound of <paramref name="query"/> (a part of a question's word, under boosts of <paramref name="boostAbove"/>),
    /// or null when it is not made of parts whose best is known here. Adds its terms to <paramref name="terms"/>.
    /// </summary>
    public static WordBound? Of(IndexSearcher searcher, TermStates states, Query query, float boostAbove, List<Term> terms)
    {
        switch (query)
        {
            case TermQuery termQuery:
            {
                terms.Add(termQuery.Term);
                var context = states.Of(termQuery.Term);
                return new TermBound(
                    termQuery.Term, context, Weight(searcher, termQuery.Term, context, termQuery.Boost, boostAbove),
                    new TermQuery(termQuery.Term, context) { Boost = termQuery.Boost });
            }
            case BooleanQuery { MinimumNumberShouldMatch: 0 } any when any.Clauses.All(c => c.Occur == Occur.SHOULD):
            {
                var parts = new List<WordBound>(any.Clauses.Count);
                var stated = new BooleanQuery(any.CoordDisabled) { Boost = any.Boost };
                foreach (var clause in any.Clauses)
                {
                    if (Of(searcher, states, clause.Query, boostAbove * any.Boost, terms) is not { } part)
                        return null;
                    parts.Add(part);
                    stated.Add(part.Stated, Occur.SHOULD);
                }
                return new SumBound(parts, stated);
            }
            case DisjunctionMaxQuery best:
            {
                var parts = new List<WordBound>(best.Disjuncts.Count);
                var stated = new DisjunctionMaxQuery(best.TieBreakerMultiplier) { Boost = best.Boost };
                foreach (var disjunct in best.Disjuncts)
                {
                    if (Of(searcher, states, disjunct, boostAbove * best.Boost, terms) is not { } part)
                        return null;
                    parts.Add(part);
                    stated.Add(part.Stated);
                }
                return new BestBound(parts, best.TieBreakerMultiplier, stated);
            }
            default:
                return null;
        }
    }

    /// <summary>The term's BM25 weight as its term query computes it, which a saturated frequency scores in full.</summary>
    private static float Weight(IndexSearcher searcher, Term term, TermContext context, float boost, float boostAbove)
    {
        if (context.DocFreq == 0)
            return 0f;
        var weight = searcher.Similarity.ComputeWeight(boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, context));
        weight.GetValueForNormalization();
        weight.Normalize(1f, boostAbove);
        return searcher.Similarity.GetSimScorer(weight, searcher.IndexReader.Leaves[0]).Score(0, Saturated);
    }

    private sealed class TermBound(Term term, TermContext context, float weight, Query stated) : WordBound
    {
        public override float Score => weight;

        public override Query Stated => stated;

        public override void AddWindows(Span<float> windows, IndexSearcher searcher, AtomicReaderContext leaf)
        {
            if (weight > 0)
                TermWindowMaxima.AddTo(windows, searcher, leaf, term, context, weight);
        }
    }

    private sealed class SumBound(List<WordBound> parts, Query stated) : WordBound
    {
        public override float Score { get; } = parts.Sum(p => p.Score);

        public override Query Stated => stated;

        public override void AddWindows(Span<float> windows, IndexSearcher searcher, AtomicReaderContext leaf)
        {
            foreach (var part in parts)
                part.AddWindows(windows, searcher, leaf);
        }
    }

    /// <summary>The best of its parts plus the others times the tie-breaker, as a disjunction-max query scores.</summary>
    private sealed class BestBound(List<WordBound> parts, float tieBreaker, Query stated) : WordBound
    {
        public override float Score { get; } = Combine(parts.Select(p => p.Score).DefaultIfEmpty(0f).Max(), parts.Sum(p => p.Score), tieBreaker);

        public override Query Stated => stated;

        public override void AddWindows(Span<float> windows, IndexSearcher searcher, AtomicReaderContext leaf)
        {
            var max = new float[windows.Length];
            var sum = new float[windows.Length];
            foreach (var part in parts)
            {
                var one = new float[windows.Length];
                part.AddWindows(one, searcher, leaf);
                for (var w = 0; w < one.Length; w++)
                {
                    max[w] = Math.Max(max[w], one[w]);
                    sum[w] += one[w];
                }
            }
            for (var w = 0; w < windows.Length; w++)
                windows[w] += Combine(max[w], sum[w], tieBreaker);
        }

        private static float Combine(float max, float sum, float tieBreaker) => max + (sum - max) * tieBreaker;
    }
}
