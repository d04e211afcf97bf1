using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The matches of a query with each score multiplied by its article's <see cref="RecencyDecay"/> factor, read from the
/// publication date's doc values while the matches are scored, so that the best hits are chosen by the decayed score
/// (a function score, not a re-ordering of the best few). It matches what the query matches, so totals and facets do
/// not change.
/// </summary>
internal sealed class RecencyQuery(Query matches, RecencyDecay decay) : CustomScoreQuery(matches)
{
    /// <summary>How the factor's node in a score explanation begins (<see cref="HitExplainer"/> finds it by it).</summary>
    public const string FactorDescription = "recency factor";

    public override string Name => "recency";

    public override bool Equals(object? obj) => base.Equals(obj) && obj is RecencyQuery other && other.Decay == Decay;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Decay);

    private RecencyDecay Decay { get; } = decay;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new DecayedScores(context, Decay);

    private sealed class DecayedScores(AtomicReaderContext context, RecencyDecay decay) : CustomScoreProvider(context)
    {
        private readonly NumericDocValues? dates = context.AtomicReader.GetNumericDocValues(IndexSchema.Date);
        // An article's paragraphs are consecutive documents of one date: its factor is worked out once, not per paragraph.
        private long lastTicks = -1;
        private float lastFactor;

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) => subQueryScore * Factor(doc);

        // Lucene's provider explains a query without value sources by its sub-query alone: this is the overload it calls.
        public override Explanation CustomExplain(int doc, Explanation subQueryExpl, Explanation[] valSrcExpls)
        {
            var ticks = dates?.Get(doc) ?? 0;
            var published = ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero).ToString("O") : "undated";
            var explained = new Explanation(subQueryExpl.Value * Factor(doc), "relevance times recency, product of:");
            explained.AddDetail(subQueryExpl);
            explained.AddDetail(new Explanation(Factor(doc), $"{FactorDescription}: published {published}, half-life {decay.HalfLife}, now {decay.Now:O}"));
            return explained;
        }

        private float Factor(int doc)
        {
            var ticks = dates?.Get(doc) ?? 0;
            if (ticks != lastTicks)
                (lastTicks, lastFactor) = (ticks, (float)decay.Factor(ticks));
            return lastFactor;
        }
    }
}
