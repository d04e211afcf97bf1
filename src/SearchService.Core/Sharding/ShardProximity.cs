namespace SearchService.Core.Sharding;

/// <summary>A shard's part in the first step of re-scoring a question (<see cref="IShard.ProximityAsync"/>).</summary>
/// <param name="Scores">The score of each paragraph asked about, with what the question's word pairs add to it.</param>
/// <param name="LeaderTexts">The texts of the shard's best paragraphs by those scores, as many as feedback reads: the
/// best of all shards are among them.</param>
public sealed record ShardProximity(IReadOnlyDictionary<int, float> Scores, IReadOnlyDictionary<int, string> LeaderTexts);
