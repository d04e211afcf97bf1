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
    public sealed record Rescoring(IReadOnlyDictionary<int, float> Scores, Query Explained)
    {
        /// <summary>The stored fields of the paragraphs re-scoring read (the feedback's), by document: the page need not read them again.</summary>
        internal IReadOnlyDictionary<int, StoredHitVisitor> Read { get; init; } = new Dictionary<int, StoredHitVisitor>();
    }

    /// <summary>The new scores of paragraphs and the feedback words that added to them.</summary>
    internal sealed record Rescored<THit>(Dictionary<THit, float> Scores, IReadOnlyList<FeedbackWord> Words) where THit : notnull;

    /// <param name="best">The first stage's best matches, best first, at most <see cref="Depth"/> of them.</param>
    /// <param name="parsed">The question as the first stage searched it (its words), with the pairs of terms that score
    /// where they stand near each other.</param>
    /// <param name="recency">How the first stage's scores were decayed with age, so that what re-scoring adds is too; null: they were not.</param>
    /// <param name="states">The search's term states of the searcher's reader (its first stage's); null: looked up here.</param>
    internal Rescoring Rescore(IndexSearcher searcher, IReadOnlyList<ScoreDoc> best, ParsedQuery parsed, RecencyDecay? recency = null, TermStates? states = null)
    {
        var evidence = new IndexQuestionEvidence(searcher, states ?? new TermStates(searcher.TopReaderContext));
        var rescored = Rescore(evidence, best.Select(s => (s.Doc, s.Score)).ToList(), parsed);
        var explained = Explained(parsed, rescored.Words);
        if (recency is null)
            return new Rescoring(rescored.Scores, explained) { Read = evidence.Read };
        var decayed = best.ToDictionary(
            s => s.Doc, s => recency.Rescored(s.Score, rescored.Scores[s.Doc], RecencyDecay.DateTicksOf(searcher.IndexReader, s.Doc)));
        return new Rescoring(decayed, recency.Over(explained)) { Read = evidence.Read };
    }

    /// <summary>Re-scores the best matches wherever they are held.</summary>
    /// <param name="best">The first stage's best matches and their scores, best first, at most <see cref="Depth"/> of them.</param>
    internal Rescored<THit> Rescore<THit>(IQuestionEvidence<THit> evidence, IReadOnlyList<(THit Hit, float Score)> best, ParsedQuery parsed)
        where THit : notnull
    {
        var scores = new Dictionary<THit, float>(best.Count);
        foreach (var (hit, score) in best)
            scores[hit] = score;
        if (parsed.Pairs is { Count: > 0 } pairs)
            evidence.AddProximity(pairs, scores);

        var bestFirst = Comparer<KeyValuePair<THit, float>>.Create((x, y) =>
            y.Value.CompareTo(x.Value) is var byScore and not 0 ? byScore : evidence.TieBreak.Compare(x.Key, y.Key));
        var leaders = TopSelection.Best(scores, QuestionFeedback.FeedbackParagraphs, bestFirst)
            .Select(kv => (evidence.TextOf(kv.Key), kv.Value))
            .ToList();
        var words = feedback.Words(leaders, evidence.AskedTerms(parsed.Query), evidence.Vocabulary);
        if (words.Count > 0)
            evidence.AddScores(words, scores);
        return new Rescored<THit>(scores, words);
    }

    /// <summary>The one query whose scores the re-scored paragraphs have: the question's words, their pairs, the feedback words.</summary>
    public static Query Explained(ParsedQuery parsed, IReadOnlyList<FeedbackWord> words)
    {
        var explained = new BooleanQuery { { parsed.Query, Occur.MUST } };
        if (parsed.Pairs is { Count: > 0 } pairs)
        {
            var proximity = new BooleanQuery();
            foreach (var pair in pairs)
                proximity.Add(pair.ToQuery(), Occur.SHOULD);
            explained.Add(proximity, Occur.SHOULD);
        }
        if (words.Count > 0)
            explained.Add(QuestionFeedback.AsQuery(words), Occur.SHOULD);
        return explained;
    }
}
