namespace SearchService.Core.Sharding;

/// <summary>A shard's answer to the dfs phase (<see cref="IShard.DfsAsync"/>).</summary>
/// <param name="Statistics">Its figures for the terms of the query as the request asks it.</param>
/// <param name="Words">The figures of each word the gatherer may correct.</param>
public sealed record ShardDfs(CorpusStatistics Statistics, IReadOnlyList<WordFigures> Words);
