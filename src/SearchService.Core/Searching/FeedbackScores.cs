using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace SearchService.Core.Searching;

/// <summary>
/// The feedback words' scores of a question's candidates, read word by word: each word's scorer is advanced through
/// the candidates on its own, rather than a disjunction of all of them, whose heap of scorers cost as much as reading
/// the postings. The scores are those of the disjunction (<see cref="QuestionFeedback.AsQuery"/>): Lucene adds its
/// clauses' scores as doubles in the order of its heap, and a sum of positive floats whose largest is less than 2^24
/// times its smallest is exact in a double, whatever the order; a candidate outside that bound (never seen) has the
/// disjunction score it.
/// </summary>
internal static class FeedbackScores
{
    /// <summary>Adds each candidate's score for the words to its score (BM25 only: other similarities scale a disjunction's sum by how many of its clauses matched).</summary>
    /// <param name="states">Term states of the searcher's reader for this search (the words' rarity looked them up); null: looked up here.</param>
    public static void Add(
        IndexSearcher searcher, IReadOnlyList<FeedbackWord> words, IReadOnlyList<SegmentDocs> candidates, Dictionary<int, float> scores, TermStates? states = null)
    {
        if (searcher.Similarity is not BM25Similarity)
        {
            AddDisjunction(searcher, words, candidates, scores);
            return;
        }
        states ??= new TermStates(searcher.TopReaderContext);
        // Each word's term query as the disjunction holds it (a one-clause disjunction rewrites to it), with its states.
        var weights = words.Select(w => searcher.CreateNormalizedWeight(QuestionFeedback.Clause(w, states))).ToList();
        var outside = new HashSet<int>();
        foreach (var (leaf, docs) in candidates)
        {
            var sums = new double[docs.Length];
            var least = new float[docs.Length];
            Array.Fill(least, float.PositiveInfinity);
            foreach (var weight in weights)
            {
                if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                    continue;
                for (var d = 0; d < docs.Length; d++)
                {
                    var at = scorer.DocID < docs[d] ? scorer.Advance(docs[d]) : scorer.DocID;
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                        break;
                    if (at != docs[d])
                        continue;
                    var score = scorer.GetScore();
                    sums[d] += score;
                    least[d] = Math.Min(least[d], score);
                }
            }
            for (var d = 0; d < docs.Length; d++)
            {
                if (sums[d] == 0)
                    continue;
                if (least[d] > 0 && sums[d] < least[d] * (double)(1 << 24))
                    scores[leaf.DocBase + docs[d]] += (float)sums[d];
                else
                    outside.Add(leaf.DocBase + docs[d]);
            }
        }
        if (outside.Count > 0)
            AddDisjunction(searcher, words, SegmentDocs.Of(searcher.IndexReader, outside), scores);
    }

    /// <summary>
    /// The disjunction's own scores. Its scorer is advanced from one paragraph to the next, so its postings are
    /// skipped between them rather than read through (the feedback words are frequent ones).
    /// </summary>
    private static void AddDisjunction(IndexSearcher searcher, IReadOnlyList<FeedbackWord> words, IReadOnlyList<SegmentDocs> candidates, Dictionary<int, float> scores)
    {
        var weight = searcher.CreateNormalizedWeight(QuestionFeedback.AsQuery(words));
        foreach (var (leaf, docs) in candidates)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                continue;
            foreach (var doc in docs)
            {
                var at = scorer.DocID < doc ? scorer.Advance(doc) : scorer.DocID;
                if (at == DocIdSetIterator.NO_MORE_DOCS)
                    break;
                if (at == doc)
                    scores[leaf.DocBase + doc] += scorer.GetScore();
            }
        }
    }
}
