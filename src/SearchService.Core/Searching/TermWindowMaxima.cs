using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The most a term's BM25 frequency part (what its frequency in a paragraph and the paragraph's length make of its
/// weight: a share between 0 and 1) reaches in each window of <see cref="WindowSize"/> documents of a segment. A
/// question's first stage passes over a window where its words together score too little (block-max MaxScore); Lucene 8
/// writes the like into its postings ("impacts"), which Lucene 4.8's format does not have, so here they are worked out
/// from a term's postings on its first use in a segment and kept with the segment's core: a segment never changes but
/// for deletions, which only lower the real maxima. At most <see cref="TermsPerSegment"/> terms are kept a segment.
/// </summary>
internal static class TermWindowMaxima
{
    /// <summary>
    /// Windows of 2^9 documents: at 10x, windows of 128 spent as much CPU a question (two alternated runs) at four times
    /// the memory, windows of 32 more.
    /// </summary>
    public const int WindowShift = 9;

    public const int WindowSize = 1 << WindowShift;

    /// <summary>Each segment's terms kept at most; past it the segment's are dropped and worked out again on use.</summary>
    internal const int TermsPerSegment = 4096;

    /// <summary>A share is kept as a byte, rounded up to the next 255th, so that it stays a bound.</summary>
    private const float Steps = 255f;

    /// <summary>A frequency far beyond any paragraph's, at which BM25 gives a word its whole weight.</summary>
    private const float Saturated = 1e30f;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, Maxima>> Segments = new();

    /// <summary>The shares by window, and the field's average length they were worked out at.</summary>
    private sealed record Maxima(byte[] Shares, double AverageLength);

    public static int WindowCount(int maxDoc) => (maxDoc + WindowSize - 1) >> WindowShift;

    /// <summary>
    /// Adds to <paramref name="windows"/> the most <paramref name="term"/> can score in each window of the segment, its
    /// whole weight being <paramref name="weight"/> (what a saturated frequency scores under the searcher's statistics
    /// and the query's boosts); adds nothing where the segment lacks the term.
    /// </summary>
    public static void AddTo(Span<float> windows, IndexSearcher searcher, AtomicReaderContext leaf, Term term, TermContext context, float weight)
    {
        if (context.Get(leaf.Ord) is not { } state)
            return;
        var statistics = searcher.CollectionStatistics(term.Field);
        var maxima = Segments.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<Term, Maxima>());
        if (!maxima.TryGetValue(term, out var found))
        {
            if (maxima.Count >= TermsPerSegment)
                maxima.Clear();
            found = maxima[term] = Compute(searcher, leaf, term, context, state, statistics);
        }
        // BM25 divides a paragraph's length by the field's average: where the average grew since, each share can grow
        // by as much (a shorter average only lowers them), though never past the whole weight.
        var scale = Math.Max(1.0, AverageLength(statistics) / found.AverageLength);
        var unit = (float)(weight * scale / Steps);
        for (var w = 0; w < found.Shares.Length; w++)
            windows[w] += Math.Min(weight, found.Shares[w] * unit);
    }

    private static Maxima Compute(
        IndexSearcher searcher, AtomicReaderContext leaf, Term term, TermContext context, TermState state, CollectionStatistics statistics)
    {
        var similarity = searcher.Similarity;
        var weight = similarity.ComputeWeight(1f, statistics, searcher.TermStatistics(term, context));
        weight.GetValueForNormalization();
        weight.Normalize(1f, 1f);
        var scorer = similarity.GetSimScorer(weight, leaf);
        var whole = scorer.Score(0, Saturated);
        var shares = new byte[WindowCount(leaf.AtomicReader.MaxDoc)];
        var terms = leaf.AtomicReader.GetTerms(term.Field)!.GetEnumerator();
        terms.SeekExact(term.Bytes, state);
        // Deleted paragraphs are counted too: a bound may be above the live paragraphs' best, never below it.
        var docs = terms.Docs(null, null, DocsFlags.FREQS);
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            var share = scorer.Score(doc, docs.Freq) / whole;
            var step = (byte)Math.Min(Steps, MathF.Ceiling(share * Steps));
            ref var window = ref shares[doc >> WindowShift];
            if (step > window)
                window = step;
        }
        return new Maxima(shares, AverageLength(statistics));
    }

    /// <summary>The field's average length as BM25 reads it from the statistics.</summary>
    private static double AverageLength(CollectionStatistics statistics) =>
        statistics.SumTotalTermFreq <= 0 ? 1.0 : statistics.SumTotalTermFreq / (double)statistics.MaxDoc;
}
