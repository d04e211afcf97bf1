namespace SearchService.Cluster.Shards;

/// <summary>
/// A copy of a shard that has no node to run on: every node holds another copy of the shard (fewer nodes than copies),
/// and two copies on one node would not survive its loss together. Like Elasticsearch's unassigned replica, it waits
/// for a node to join (<see cref="ShardRebalancer"/> then builds it there), while the shard's other copies answer.
/// </summary>
/// <remarks>
/// A <see cref="KeyNotFoundException"/> (no node found for the copy) because Orleans logs every failed placement as an
/// error except those: a search that meets an unassigned copy asks another, which is no error.
/// </remarks>
[GenerateSerializer]
public sealed class ShardCopyUnassignedException : KeyNotFoundException
{
    public ShardCopyUnassignedException(ShardCopy copy, int nodes)
        : base($"{copy} is unassigned: each of the {nodes} node(s) holds another copy of shard {copy.Shard}")
    {
        Shard = copy.Shard;
        Copy = copy.Copy;
    }

    [Id(0)]
    public int Shard { get; init; }

    [Id(1)]
    public int Copy { get; init; }

    /// <summary>Whether <paramref name="failure"/> is a call refused for this reason, as itself or as the cause of a shard's failure.</summary>
    public static bool Caused(Exception failure) => failure is ShardCopyUnassignedException || failure.InnerException is ShardCopyUnassignedException;
}
