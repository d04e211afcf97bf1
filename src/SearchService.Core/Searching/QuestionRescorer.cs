using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Question rescoring, the second stage of ranking a question. The first stage scores every paragraph with any question
/// word by the words alone; here the best of them are scored again with what only adds to their scores and would cost
/// far more over every match: the question's words near each other (<see cref="PairProximity"/>, which reads
/// positions) and the feedback words of the best paragraphs (<see cref="QuestionFeedback"/>). The scores add up exactly
/// as one query of all the clauses would score those paragraphs; beyond the first <see cref="Depth"/> matches the
/// first-stage order stands, as with Lucene's <c>QueryRescorer</c> or a rescore window in Elasticsearch. (Semantic
/// re-ranking, <see cref="Semantics.SemanticReranker"/>, comes after it and changes only the order, not the scores.)
/// </summary>
public sealed class QuestionRescorer(QuestionFeedback feedback)
{
    /// <summary>
    /// How many of the first stage's best matches are re-scored: ten pages of a hundred, as deep as anyone reads, and the
    /// depth of the usual relevance runs.
    /// </summary>
    public const int Depth = 1000;

    /// <summary>The new scores by document, and the one query that explains them.</summary>
    public sealed record Rescoring(IReadOnlyDictionary<int, float> Scores, Query Explained);

    /// <param name="best">The first stage's best matches, best first, at most <see cref="Depth"/> of them.</param>
    /// <param name="parsed">The question as the first stage searched it (its words), with the pairs of terms that score
    /// where they stand near each other.</param>
    public Rescoring Rescore(IndexSearcher searcher, IReadOnlyList<ScoreDoc> best, ParsedQuery parsed)
    {
        var (question, pairs) = (parsed.Query, parsed.Pairs ?? []);
        var scores = new Dictionary<int, float>(best.Count);
        foreach (var match in best)
            scores[match.Doc] = match.Score;
        var paragraphs = SegmentDocs.Of(searcher.IndexReader, scores.Keys);
        var explained = new BooleanQuery { { question, Occur.MUST } };
        if (pairs.Count > 0)
        {
            PairProximity.AddScores(searcher, pairs, paragraphs, scores);
            var proximity = new BooleanQuery();
            foreach (var pair in pairs)
                proximity.Add(pair.ToQuery(), Occur.SHOULD);
            explained.Add(proximity, Occur.SHOULD);
        }

        var leaders = scores
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .Take(QuestionFeedback.FeedbackParagraphs)
            .Select(kv => new ScoreDoc(kv.Key, kv.Value))
            .ToList();
        if (feedback.Words(searcher, leaders, searcher.Rewrite(question)) is { } words)
        {
            AddScores(searcher, words, paragraphs, scores);
            explained.Add(words, Occur.SHOULD);
        }
        return new Rescoring(scores, explained);
    }

    /// <summary>
    /// Adds each paragraph's score for <paramref name="query"/>. The scorers are advanced from one paragraph to the
    /// next, so their postings are skipped between them rather than read through (the feedback words are frequent ones).
    /// </summary>
    private static void AddScores(IndexSearcher searcher, Query query, IReadOnlyList<SegmentDocs> paragraphs, Dictionary<int, float> scores)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        foreach (var (leaf, docs) in paragraphs)
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
