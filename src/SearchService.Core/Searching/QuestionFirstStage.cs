using System.Buffers;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// A question's first stage without scoring every match. A question matches every paragraph with any of its words, so
/// a question with a common word matches much of the index, and Lucene's boolean scorer scores each of them though only
/// the best thousand are kept. Here every match is still counted (the total, the facets) from the words' postings
/// alone, but a match is scored only while it could still reach the last place kept: the words are taken from the
/// weakest by the most each could add (BM25 saturates, so a word adds less than its weight whatever its frequency),
/// and a paragraph with none but words that together could not reach the last place is passed over (MaxScore, Turtle
/// and Flood 1995). Those scored are scored by the very scorers Lucene's would use, their sum taken in its order, so the
/// candidates and their scores are exactly those of <see cref="IndexSearcher.Search(Query, ICollector)"/>.
/// </summary>
internal static class QuestionFirstStage
{
    /// <summary>What a word's bound is raised by, so that rounding in its parts never lets a score exceed it.</summary>
    private const float BoundMargin = 1.001f;

    /// <summary>
    /// How far below the last place a bound must stay: a sum just below it could round to it as a float, and a match
    /// that scores the last place is kept aside for the tie-break.
    /// </summary>
    private const double RoundingMargin = 1.000001;

    /// <summary>A frequency far beyond any paragraph's, at which BM25 gives a word its whole weight.</summary>
    private const float Saturated = 1e30f;

    /// <summary>
    /// The least summed document frequency of a question's words at which its matches are counted on another thread
    /// while this one scores them. Below it (every question of the 1x corpus, whose first stage takes about a
    /// millisecond) handing the counting over cost more than it saved; the 10x corpus's questions are above it.
    /// </summary>
    internal const long ForkFrom = 50_000;

    /// <summary>Each side looks whether the other has failed once in every 1,024 matches: reading a flag per match would cost more.</summary>
    private const int CheckMask = 1023;

    /// <summary>
    /// Collects the matches of <paramref name="query"/> as Lucene's search would (<paramref name="candidates"/> by score,
    /// <paramref name="others"/> every match in document order, not reading scores), when the query is a question's
    /// disjunction of words whose best scores are known here; false, having collected nothing, otherwise.
    /// </summary>
    /// <param name="states">Term states of the searcher's reader for this search, which its words' bounds and weights
    /// both read (and re-scoring after it); null: looked up here.</param>
    /// <param name="forkFrom">The least summed document frequency of the words at which counting runs beside scoring;
    /// null: <see cref="ForkFrom"/>.</param>
    public static bool TryCollect(
        IndexSearcher searcher, Query query, QuestionCandidateCollector candidates, ICollector others, TermStates? states = null, long? forkFrom = null)
    {
        // Lucene's boolean scorer sums a disjunction's clauses only when its collectors take documents out of order;
        // otherwise it merges them by document, in another order of addition.
        if (!others.AcceptsDocsOutOfOrder || searcher.Similarity is not BM25Similarity || searcher.IndexReader.Leaves.Count == 0)
            return false;
        if (searcher.Rewrite(query) is not BooleanQuery { MinimumNumberShouldMatch: 0, Boost: 1f } words
            || words.Clauses.Count < 2 || words.Clauses.Any(c => c.Occur != Occur.SHOULD))
            return false;
        states ??= new TermStates(searcher.TopReaderContext);
        var terms = new List<Term>();
        var clauses = new List<Clause>(words.Clauses.Count);
        for (var i = 0; i < words.Clauses.Count; i++)
        {
            if (Bound(searcher, states, words.Clauses[i].Query, 1f, terms) is not { } bound)
                return false;
            clauses.Add(new Clause(i, searcher.CreateNormalizedWeight(bound.Stated), bound.Score * BoundMargin));
        }
        var weakestFirst = clauses.OrderBy(c => c.Bound).ThenBy(c => c.Index).ToArray();
        var distinct = terms.Distinct().ToList();
        var byField = distinct.GroupBy(t => t.Field).ToList();
        var leaves = searcher.IndexReader.Leaves;
        var sideBySide = distinct.Sum(t => (long)states.Of(t).DocFreq) >= (forkFrom ?? ForkFrom);
        void Collect(ICollector counted)
        {
            if (sideBySide)
            {
                CollectSideBySide(leaves, byField, counted, weakestFirst, candidates);
                return;
            }
            foreach (var leaf in leaves)
            {
                counted.SetNextReader(leaf);
                candidates.Counted(CountMatches(leaf, byField, counted, CancellationToken.None));
                Score(leaf, weakestFirst, candidates, CancellationToken.None);
            }
        }
        // The time budget is kept as in Lucene's search: each match counted checks the clock.
        if (searcher is BudgetedIndexSearcher budgeted)
            budgeted.WithinBudget(others, Collect);
        else
            Collect(others);
        return true;
    }

    private sealed record Clause(int Index, Weight Weight, float Bound);

    /// <summary>
    /// Counts every segment's matches on another thread while this one scores them: the two read the index only and
    /// feed different collectors, each in the order it would be fed by one thread, so the answer is the same. The matches
    /// are added to <paramref name="candidates"/> once both have ended. A failure on either side (the time budget's
    /// included) stops the other at its next check, and is thrown here as it was thrown there once both have ended.
    /// </summary>
    private static void CollectSideBySide(
        IList<AtomicReaderContext> leaves, List<IGrouping<string, Term>> byField, ICollector counted, Clause[] weakestFirst,
        QuestionCandidateCollector candidates)
    {
        using var stop = new CancellationTokenSource();
        // Under load no thread may be free to take it: then waiting for it below runs it here, after the scoring.
        var counting = Task.Run(() => CountAll(leaves, byField, counted, stop));
        try
        {
            foreach (var leaf in leaves)
                Score(leaf, weakestFirst, candidates, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The counting failed and stopped the scoring: its failure is thrown below.
        }
        catch
        {
            stop.Cancel();
            counting.Wait();
            throw;
        }
        var (matches, failure) = counting.GetAwaiter().GetResult();
        failure?.Throw();
        candidates.Counted(matches);
    }

    /// <summary>
    /// Every segment's matches given to <paramref name="counted"/>, and how many there were; or, having stopped the
    /// scoring, what failed. It never fails itself, so its task is never left with an exception nobody looks at.
    /// </summary>
    private static (int Matches, ExceptionDispatchInfo? Failure) CountAll(
        IList<AtomicReaderContext> leaves, List<IGrouping<string, Term>> byField, ICollector counted, CancellationTokenSource stop)
    {
        try
        {
            var matches = 0;
            foreach (var leaf in leaves)
            {
                counted.SetNextReader(leaf);
                matches += CountMatches(leaf, byField, counted, stop.Token);
            }
            return (matches, null);
        }
        catch (Exception e)
        {
            stop.Cancel();
            return (0, ExceptionDispatchInfo.Capture(e));
        }
    }

    /// <summary>Whether a score of at most <paramref name="bound"/> surely stays below <paramref name="threshold"/>.</summary>
    private static bool Below(double bound, float threshold) => bound * RoundingMargin < threshold;

    /// <summary>
    /// The most <paramref name="query"/> (a part of a question's word, under boosts of <paramref name="boostAbove"/>)
    /// can score, and the same query whose term queries carry their <paramref name="states"/>, so that its weight does
    /// not look them up again; or null when it is not made of parts whose best is known here. Adds its terms to
    /// <paramref name="terms"/>.
    /// </summary>
    private static (float Score, Query Stated)? Bound(IndexSearcher searcher, TermStates states, Query query, float boostAbove, List<Term> terms)
    {
        switch (query)
        {
            case TermQuery termQuery:
            {
                terms.Add(termQuery.Term);
                var context = states.Of(termQuery.Term);
                var stated = new TermQuery(termQuery.Term, context) { Boost = termQuery.Boost };
                return (TermBound(searcher, termQuery.Term, context, termQuery.Boost, boostAbove), stated);
            }
            case BooleanQuery { MinimumNumberShouldMatch: 0 } any when any.Clauses.All(c => c.Occur == Occur.SHOULD):
            {
                var sum = 0f;
                var stated = new BooleanQuery(any.CoordDisabled) { Boost = any.Boost };
                foreach (var clause in any.Clauses)
                {
                    if (Bound(searcher, states, clause.Query, boostAbove * any.Boost, terms) is not { } bound)
                        return null;
                    sum += bound.Score;
                    stated.Add(bound.Stated, Occur.SHOULD);
                }
                return (sum, stated);
            }
            case DisjunctionMaxQuery best:
            {
                float max = 0, sum = 0;
                var stated = new DisjunctionMaxQuery(best.TieBreakerMultiplier) { Boost = best.Boost };
                foreach (var disjunct in best.Disjuncts)
                {
                    if (Bound(searcher, states, disjunct, boostAbove * best.Boost, terms) is not { } bound)
                        return null;
                    max = Math.Max(max, bound.Score);
                    sum += bound.Score;
                    stated.Add(bound.Stated);
                }
                return (max + (sum - max) * best.TieBreakerMultiplier, stated);
            }
            default:
                return null;
        }
    }

    /// <summary>The term's BM25 weight as its term query computes it, which a saturated frequency scores in full.</summary>
    private static float TermBound(IndexSearcher searcher, Term term, TermContext context, float boost, float boostAbove)
    {
        if (context.DocFreq == 0)
            return 0f;
        var weight = searcher.Similarity.ComputeWeight(boost, searcher.CollectionStatistics(term.Field), searcher.TermStatistics(term, context));
        weight.GetValueForNormalization();
        weight.Normalize(1f, boostAbove);
        return searcher.Similarity.GetSimScorer(weight, searcher.IndexReader.Leaves[0]).Score(0, Saturated);
    }

    /// <summary>Gives every match of the segment to <paramref name="others"/>, in document order; how many there were.</summary>
    private static int CountMatches(AtomicReaderContext leaf, List<IGrouping<string, Term>> byField, ICollector others, CancellationToken stop)
    {
        var reader = leaf.AtomicReader;
        // Pooled: a segment of a large index needs a set of a hundred kilobytes or more, which the runtime would put on
        // its large object heap, collected only with the oldest generation.
        var words = FixedBitSet.Bits2words(reader.MaxDoc);
        var bits = ArrayPool<long>.Shared.Rent(words);
        try
        {
            Array.Clear(bits, 0, words);
            return CountMatches(reader, new FixedBitSet(bits, reader.MaxDoc), byField, others, stop);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(bits);
        }
    }

    private static int CountMatches(AtomicReader reader, FixedBitSet matches, List<IGrouping<string, Term>> byField, ICollector others, CancellationToken stop)
    {
        foreach (var field in byField)
        {
            var termsEnum = reader.GetTerms(field.Key)?.GetEnumerator();
            if (termsEnum is null)
                continue;
            foreach (var term in field)
            {
                stop.ThrowIfCancellationRequested();
                if (termsEnum.SeekExact(term.Bytes) && termsEnum.Docs(reader.LiveDocs, null, DocsFlags.NONE) is { } docs)
                    matches.Or(docs);
            }
        }
        var count = 0;
        var each = matches.GetIterator();
        for (var doc = each.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.NextDoc())
        {
            if ((count & CheckMask) == 0)
                stop.ThrowIfCancellationRequested();
            others.Collect(doc);
            count++;
        }
        return count;
    }

    /// <summary>
    /// Scores the segment's matches that could reach the last place kept and offers them. The weakest words whose bounds
    /// together stay below the last place cannot make a match alone: the matches are those of the other words, and the
    /// weak words are added to a match, strongest first, only while what is left could still take it to the last place.
    /// </summary>
    private static void Score(AtomicReaderContext leaf, Clause[] weakestFirst, QuestionCandidateCollector candidates, CancellationToken stop)
    {
        var n = weakestFirst.Length;
        var scorers = new Scorer?[n];
        // below[i]: the most the i weakest words can add together.
        var below = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            scorers[i] = weakestFirst[i].Weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            scorers[i]?.NextDoc();
            below[i + 1] = below[i] + weakestFirst[i].Bound;
        }
        // Lucene's boolean scorer adds its clauses' scores as doubles, the last clause first.
        var sumOrder = Enumerable.Range(0, n).OrderByDescending(i => weakestFirst[i].Index).ToArray();
        var scores = new float[n];
        var on = new bool[n];
        var weak = 0;
        for (var step = 0; ; step++)
        {
            if ((step & CheckMask) == 0)
                stop.ThrowIfCancellationRequested();
            var threshold = candidates.Threshold;
            while (weak < n && Below(below[weak + 1], threshold))
                weak++;
            if (weak == n)
                return;
            var doc = DocIdSetIterator.NO_MORE_DOCS;
            for (var i = weak; i < n; i++)
            {
                if (scorers[i] is { } scorer && scorer.DocID < doc)
                    doc = scorer.DocID;
            }
            if (doc == DocIdSetIterator.NO_MORE_DOCS)
                return;

            double partial = 0;
            for (var i = 0; i < n; i++)
            {
                on[i] = i >= weak && scorers[i] is { } scorer && scorer.DocID == doc;
                if (on[i])
                    partial += scores[i] = scorers[i]!.GetScore();
            }
            var reachable = true;
            for (var i = weak - 1; i >= 0; i--)
            {
                if (Below(partial + below[i + 1], threshold))
                {
                    reachable = false;
                    break;
                }
                if (scorers[i] is not { } scorer)
                    continue;
                var at = scorer.DocID < doc ? scorer.Advance(doc) : scorer.DocID;
                if (at == doc)
                {
                    on[i] = true;
                    partial += scores[i] = scorer.GetScore();
                }
            }
            if (reachable)
            {
                double sum = 0;
                foreach (var i in sumOrder)
                {
                    if (on[i])
                        sum += scores[i];
                }
                candidates.Offer(leaf.DocBase + doc, (float)sum);
            }
            for (var i = weak; i < n; i++)
            {
                if (on[i])
                    scorers[i]!.NextDoc();
            }
        }
    }
}
