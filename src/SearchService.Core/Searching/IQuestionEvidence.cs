using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// What re-scoring a question reads of the paragraphs it re-scores (<see cref="QuestionRescorer"/>): of one index
/// (<see cref="IndexQuestionEvidence"/>), or gathered from the shards that hold them, so that both re-score alike.
/// </summary>
/// <typeparam name="THit">How a paragraph is named: a document number, or a shard and its document number.</typeparam>
internal interface IQuestionEvidence<THit> where THit : notnull
{
    /// <summary>The order of paragraphs with equal scores (<see cref="HitTieBreak"/>).</summary>
    IComparer<THit> TieBreak { get; }

    /// <summary>The whole index's word figures, which decide how rare a feedback word is.</summary>
    IVocabulary Vocabulary { get; }

    /// <summary>The terms the question searched, in any field.</summary>
    IReadOnlySet<string> AskedTerms(Query question);

    /// <summary>A paragraph's text.</summary>
    string TextOf(THit hit);

    /// <summary>Adds to each paragraph's score what its question words standing near each other add (<see cref="PairProximity"/>).</summary>
    void AddProximity(IReadOnlyList<WordPair> pairs, Dictionary<THit, float> scores);

    /// <summary>Adds to each paragraph's score its score for the feedback words.</summary>
    void AddScores(IReadOnlyList<FeedbackWord> words, Dictionary<THit, float> scores);
}
