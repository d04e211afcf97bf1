namespace SearchService.Cluster.Shards;

/// <summary>Where a copy of a shard is active, how far it has followed the article log, and what it holds.</summary>
/// <param name="Silo">The silo holding it.</param>
/// <param name="OpenedAtVersion">The version its folder held when it was activated there (0: it started empty).</param>
/// <param name="AppliedVersion">The last version of the log it has applied.</param>
/// <param name="LatestVersion">The last version PostgreSQL has committed; null when the log is out of reach.</param>
/// <param name="Paragraphs">The paragraphs it answers searches with.</param>
/// <param name="IndexBytes">The bytes its index folder takes on the disk of <paramref name="Silo"/>.</param>
/// <param name="Rebuilding">A rebuild from the article log is asked for or under way (<see cref="IShardGrain.RebuildAsync"/>).</param>
/// <param name="LogReadAt">
/// When it last read the article log to its end: while PostgreSQL is out of reach it answers as of then (null before its
/// first read, as a copy that opened what its folder held while the log was out of reach).
/// </param>
[GenerateSerializer]
public sealed record ShardStatus(
    [property: Id(0)] int Shard,
    [property: Id(1)] int Copy,
    [property: Id(2)] string Silo,
    [property: Id(3)] long OpenedAtVersion,
    [property: Id(4)] long AppliedVersion,
    [property: Id(5)] long? LatestVersion,
    [property: Id(6)] int Paragraphs,
    [property: Id(7)] long IndexBytes,
    [property: Id(8)] bool Rebuilding,
    [property: Id(9)] DateTimeOffset? LogReadAt)
{
    /// <summary>How many versions of the log it has still to apply; null when the log is out of reach.</summary>
    public long? Lag => LatestVersion - AppliedVersion;
}
