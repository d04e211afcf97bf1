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
/// and Flood 1995); each word's most is taken window by window of a segment's documents, where it is mostly far below
/// its weight (<see cref="WordBound"/>, block-max as in Ding and Suel 2011), and a window is passed over whole where its
/// words together could not reach the last place. Those scored are scored by the very scorers Lucene's would use, their sum taken in its order, so the
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
            if (WordBound.Of(searcher, states, words.Clauses[i].Query, 1f, terms) is not { } bound)
                return false;
            clauses.Add(new Clause(i, searcher.CreateNormalizedWeight(bound.Stated), bound));
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
                CollectSideBySide(searcher, byField, counted, weakestFirst, candidates);
                return;
            }
            foreach (var leaf in leaves)
            {
                counted.SetNextReader(leaf);
                candidates.Counted(CountMatches(leaf, byField, counted, CancellationToken.None));
                Score(searcher, leaf, weakestFirst, candidates, CancellationToken.None);
            }
        }
        // The time budget is kept as in Lucene's search: each match counted checks the clock.
        if (searcher is BudgetedIndexSearcher budgeted)
            budgeted.WithinBudget(others, Collect);
        else
            Collect(others);
        return true;
    }

    private sealed record Clause(int Index, Weight Weight, WordBound Word)
    {
        public float Bound { get; } = Word.Score * BoundMargin;
    }

    /// <summary>
    /// Counts every segment's matches on another thread while this one scores them: the two read the index only and
    /// feed different collectors, each in the order it would be fed by one thread, so the answer is the same. The matches
    /// are added to <paramref name="candidates"/> once both have ended. A failure on either side (the time budget's
    /// included) stops the other at its next check, and is thrown here as it was thrown there once both have ended.
    /// </summary>
    private static void CollectSideBySide(
        IndexSearcher searcher, List<IGrouping<string, Term>> byField, ICollector counted, Clause[] weakestFirst,
        QuestionCandidateCollector candidates)
    {
        var leaves = searcher.IndexReader.Leaves;
        using var stop = new CancellationTokenSource();
        // Under load no thread may be free to take it: then waiting for it below runs it here, after the scoring.
        var counting = Task.Run(() => CountAll(leaves, byField, counted, stop));
        try
        {
            foreach (var leaf in leaves)
                Score(searcher, leaf, weakestFirst, candidates, stop.Token);
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
    /// Scores the segment's matches that could reach the last place kept and offers them, window by window of its
    /// documents (<see cref="TermWindowMaxima"/>). In a window, the words whose bounds there together stay below the
    /// last place cannot make a match alone: the matches are those of the other words, and the weak words are added to a
    /// match, strongest first, only while what is left could still take it to the last place. A window where no word can
    /// take a match there is passed over.
    /// </summary>
    private static void Score(
        IndexSearcher searcher, AtomicReaderContext leaf, Clause[] weakestFirst, QuestionCandidateCollector candidates, CancellationToken stop)
    {
        var n = weakestFirst.Length;
        var maxDoc = leaf.AtomicReader.MaxDoc;
        var windowCount = TermWindowMaxima.WindowCount(maxDoc);
        var scorers = new Scorer?[n];
        // bounds[i][w]: the most word i can add in window w.
        var bounds = new float[n][];
        for (var i = 0; i < n; i++)
        {
            scorers[i] = weakestFirst[i].Weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
            scorers[i]?.NextDoc();
            bounds[i] = new float[windowCount];
            if (scorers[i] is not null)
                weakestFirst[i].Word.AddWindows(bounds[i], searcher, leaf);
        }
        // Lucene's boolean scorer adds its clauses' scores as doubles, the last clause first.
        var sumOrder = Enumerable.Range(0, n).OrderByDescending(i => weakestFirst[i].Index).ToArray();
        var scores = new float[n];
        var on = new bool[n];
        // In a window: the words by their bounds there, weakest first, and below[j], the most the j weakest can add.
        var order = new int[n];
        var windowBounds = new float[n];
        var below = new double[n + 1];
        var step = 0;
        for (var window = 0; window < windowCount; window++)
        {
            var start = window << TermWindowMaxima.WindowShift;
            var end = Math.Min(maxDoc, start + TermWindowMaxima.WindowSize);
            double all = 0;
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
                all += windowBounds[i] = Math.Min(bounds[i][window] * BoundMargin, weakestFirst[i].Bound);
            }
            if (Below(all, candidates.Threshold))
                continue;
            Array.Sort(windowBounds, order);
            for (var j = 0; j < n; j++)
                below[j + 1] = below[j] + windowBounds[j];
            var weak = 0;
            while (true)
            {
                if ((step++ & CheckMask) == 0)
                    stop.ThrowIfCancellationRequested();
                var threshold = candidates.Threshold;
                while (weak < n && Below(below[weak + 1], threshold))
                    weak++;
                if (weak == n)
                    break;
                var doc = end;
                for (var j = weak; j < n; j++)
                {
                    if (scorers[order[j]] is not { } scorer)
                        continue;
                    // A word weak in the windows before has not been moved on through them.
                    var at = scorer.DocID < start ? scorer.Advance(start) : scorer.DocID;
                    if (at < doc)
                        doc = at;
                }
                if (doc == end)
                    break;

                double partial = 0;
                for (var j = 0; j < n; j++)
                {
                    var i = order[j];
                    on[i] = j >= weak && scorers[i] is { } scorer && scorer.DocID == doc;
                    if (on[i])
                        partial += scores[i] = scorers[i]!.GetScore();
                }
                var reachable = true;
                for (var j = weak - 1; j >= 0; j--)
                {
                    if (Below(partial + below[j + 1], threshold))
                    {
                        reachable = false;
                        break;
                    }
                    var i = order[j];
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
                for (var j = weak; j < n; j++)
                {
                    if (on[order[j]])
                        scorers[order[j]]!.NextDoc();
                }
            }
        }
    }
}

