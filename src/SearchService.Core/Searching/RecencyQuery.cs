using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The matches of a query with each score multiplied by its article's <see cref="RecencyDecay"/> factor, read from the
/// publication date's doc values while the matches are scored, so that the best hits are chosen by the decayed score
/// (a function score, not a re-ordering of the best few). It matches what the query matches, so totals and facets do
/// not change. Unlike Lucene's <c>CustomScoreQuery</c>, it leaves the query's own way of scoring in place (a question's
/// disjunction is scored out of order, in bulk, which is about twice as fast) and multiplies each score as it is read.
/// </summary>
internal sealed class RecencyQuery : Query
{
    /// <summary>How the factor's node in a score explanation begins (<see cref="HitExplainer"/> finds it by it).</summary>
    public const string FactorDescription = "recency factor";

    private readonly Query matches;
    private readonly RecencyDecay decay;

    public RecencyQuery(Query matches, RecencyDecay decay)
    {
        this.matches = matches;
        this.decay = decay;
    }

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = matches.Rewrite(reader);
        return ReferenceEquals(rewritten, matches) ? this : new RecencyQuery(rewritten, decay) { Boost = Boost };
    }

    public override void ExtractTerms(ISet<Term> terms) => matches.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new DecayedWeight(this, matches.CreateWeight(searcher));

    public override string ToString(string field) => $"recency({matches.ToString(field)}, half-life {decay.HalfLife}, now {decay.Now:O})";

    public override bool Equals(object? obj) =>
        obj is RecencyQuery other && other.Boost == Boost && other.matches.Equals(matches) && other.decay == decay;

    public override int GetHashCode() => HashCode.Combine(matches, decay, Boost);

    /// <summary>The factors of one segment's documents; an article's paragraphs (consecutive, one date) cost one.</summary>
    private sealed class SegmentFactors(AtomicReaderContext context, RecencyDecay decay)
    {
        private readonly NumericDocValues? dates = context.AtomicReader.GetNumericDocValues(IndexSchema.Date);
        private long lastTicks = -1;
        private float lastFactor;

        public long TicksOf(int doc) => dates?.Get(doc) ?? 0;

        public float Of(int doc)
        {
            var ticks = TicksOf(doc);
            if (ticks != lastTicks)
                (lastTicks, lastFactor) = (ticks, (float)decay.Factor(ticks));
            return lastFactor;
        }
    }

    private sealed class DecayedWeight(RecencyQuery query, Weight inner) : Weight
    {
        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => inner.ScoresDocsOutOfOrder;

        public override float GetValueForNormalization() => inner.GetValueForNormalization() * query.Boost * query.Boost;

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost * query.Boost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
            inner.GetScorer(context, acceptDocs) is { } scorer ? new DecayedScorer(this, scorer, new SegmentFactors(context, query.decay)) : null;

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs) =>
            inner.GetBulkScorer(context, scoreDocsInOrder, acceptDocs) is { } bulk
                ? new DecayedBulkScorer(bulk, new SegmentFactors(context, query.decay))
                : null;

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var relevance = inner.Explain(context, doc);
            if (!relevance.IsMatch)
                return relevance;
            var factors = new SegmentFactors(context, query.decay);
            var ticks = factors.TicksOf(doc);
            var published = ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero).ToString("O") : "undated";
            var explained = new ComplexExplanation(true, relevance.Value * factors.Of(doc), "relevance times recency, product of:");
            explained.AddDetail(relevance);
            explained.AddDetail(new Explanation(
                factors.Of(doc), $"{FactorDescription}: published {published}, half-life {query.decay.HalfLife}, now {query.decay.Now:O}"));
            return explained;
        }
    }

    /// <summary>A scorer whose scores are decayed; over a bulk scorer's own scorer too, whose document is set per match.</summary>
    private sealed class DecayedScorer(Weight? weight, Scorer inner, SegmentFactors factors) : Scorer(weight)
    {
        public override int DocID => inner.DocID;

        public override int Freq => inner.Freq;

        public override float GetScore() => inner.GetScore() * factors.Of(inner.DocID);

        public override int NextDoc() => inner.NextDoc();

        public override int Advance(int target) => inner.Advance(target);

        public override long GetCost() => inner.GetCost();
    }

    /// <summary>The query's own bulk scoring, its collector given decayed scores.</summary>
    private sealed class DecayedBulkScorer(BulkScorer inner, SegmentFactors factors) : BulkScorer
    {
        public override bool Score(ICollector collector, int max) => inner.Score(new DecayingCollector(collector, factors), max);
    }

    private sealed class DecayingCollector(ICollector collector, SegmentFactors factors) : ICollector
    {
        public bool AcceptsDocsOutOfOrder => collector.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer) => collector.SetScorer(new DecayedScorer(null, scorer, factors));

        public void Collect(int doc) => collector.Collect(doc);

        public void SetNextReader(AtomicReaderContext context) => collector.SetNextReader(context);
    }
}
