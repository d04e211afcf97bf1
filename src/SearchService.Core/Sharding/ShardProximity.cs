namespace SearchService.Core.Sharding;

/// <summary>A shard's part in the first step of re-scoring a question, given with its answer to the query phase (<see cref="ShardAnswer.Proximity"/>).</summary>
/// <param name="Scores">The score of each of the shard's candidates, with what the question's word pairs add to it.</param>
/// <param name="LeaderTexts">The texts of the candidates that may be feedback paragraphs, whichever of its first
/// candidates the best of all shards take: the feedback paragraphs of all shards are among them.</param>
public sealed record ShardProximity(IReadOnlyDictionary<int, float> Scores, IReadOnlyDictionary<int, string> LeaderTexts);
