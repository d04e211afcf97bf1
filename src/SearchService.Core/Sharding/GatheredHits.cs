using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>The best hits of every shard in one order, and what a question's re-scoring over all of them left for the fetch.</summary>
/// <param name="Best">The best hits in order, as many as the plan wants.</param>
/// <param name="Rescored">The paragraphs whose scores a question's re-scoring set.</param>
/// <param name="Feedback">A question's feedback words.</param>
/// <param name="Statistics">The whole index's figures, with the feedback words'.</param>
internal sealed record GatheredHits(
    IReadOnlyList<GatheredHit> Best, IReadOnlySet<ShardDoc> Rescored, IReadOnlyList<FeedbackWord> Feedback, CorpusStatistics Statistics);
