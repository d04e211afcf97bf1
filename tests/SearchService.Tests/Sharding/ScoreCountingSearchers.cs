using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Tests.Sharding;

/// <summary>
/// Searchers that count every score they compute: their similarity (the service's BM25, which a shard's scoring searcher
/// takes from them) counts each paragraph scored for a query's term, wherever the scorer is driven from. The count is
/// how many matches a search read, for a query of words.
/// </summary>
public sealed class ScoreCountingSearchers
{
    private long scored;

    /// <summary>Scores computed so far, by every searcher these made.</summary>
    public long Scored => Interlocked.Read(ref scored);

    /// <summary>A provider of these searchers, for an index (<see cref="SearchIndex"/>).</summary>
    public SearcherProvider Provider() => new SearcherProvider().UseSearchers(reader => new CountingSearcher(reader, this));

    private sealed class CountingSearcher(IndexReader reader, ScoreCountingSearchers counter) : IndexSearcher(reader)
    {
        private CountingSimilarity? counting;

        // The provider sets the ranking after making the searcher: it is counted whatever it is set to.
        public override Similarity Similarity
        {
            get => counting ??= new CountingSimilarity(base.Similarity, counter);
            set
            {
                base.Similarity = value;
                counting = null;
            }
        }
    }

    private sealed class CountingSimilarity(Similarity ranking, ScoreCountingSearchers counter) : Similarity
    {
        public override float Coord(int overlap, int maxOverlap) => ranking.Coord(overlap, maxOverlap);

        public override float QueryNorm(float valueForNormalization) => ranking.QueryNorm(valueForNormalization);

        public override long ComputeNorm(FieldInvertState state) => ranking.ComputeNorm(state);

        public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats) =>
            ranking.ComputeWeight(queryBoost, collectionStats, termStats);

        public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context) =>
            new CountingScorer(ranking.GetSimScorer(weight, context), counter);
    }

    private sealed class CountingScorer(Similarity.SimScorer scorer, ScoreCountingSearchers counter) : Similarity.SimScorer
    {
        public override float Score(int doc, float freq)
        {
            Interlocked.Increment(ref counter.scored);
            return scorer.Score(doc, freq);
        }

        public override float ComputeSlopFactor(int distance) => scorer.ComputeSlopFactor(distance);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => scorer.ComputePayloadFactor(doc, start, end, payload);

        public override Explanation Explain(int doc, Explanation freq) => scorer.Explain(doc, freq);
    }
}
