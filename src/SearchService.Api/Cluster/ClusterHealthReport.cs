namespace SearchService.Api.Cluster;

/// <summary>What <c>GET /health</c> answers in cluster mode (with the operators' key).</summary>
/// <param name="Status">"ready" when every copy of every shard answers and PostgreSQL answers, else "degraded" (a copy unassigned, failing or out of reach, or PostgreSQL).</param>
/// <param name="LogVersion">The last version PostgreSQL committed; null while it is out of reach.</param>
/// <param name="Postgres">Why PostgreSQL is out of reach; null while it answers.</param>
/// <param name="Nodes">The cluster's members that are not dead.</param>
/// <param name="Shards">Each shard and its copies.</param>
public sealed record ClusterHealthReport(string Status, long? LogVersion, string? Postgres, IReadOnlyList<ClusterNode> Nodes, IReadOnlyList<ClusterShard> Shards);

/// <param name="Address">The node's silo address (ip:port@generation).</param>
/// <param name="Status">Orleans' membership status: active, joining, shuttingdown, ...</param>
public sealed record ClusterNode(string Address, string Status);

/// <param name="Copies">The copies that answered.</param>
/// <param name="Problems">Why the others did not, but for the unassigned.</param>
/// <param name="Unassigned">
/// Copies no node may hold: each node holds another copy of the shard (fewer nodes than <c>Search:Cluster:Replicas</c>).
/// A node that joins gets them, built before they answer.
/// </param>
/// <param name="Moving">Copies being built on the node they are to move to (when a node joins), answering where they are meanwhile.</param>
public sealed record ClusterShard(
    int Shard, IReadOnlyList<ShardCopyHealth> Copies, IReadOnlyList<string> Problems, IReadOnlyList<int> Unassigned, IReadOnlyList<ShardCopyMove> Moving);

/// <param name="Node">The node holding the copy.</param>
/// <param name="AppliedVersion">The last version of the article log the copy has applied.</param>
/// <param name="Lag">Versions committed in PostgreSQL the copy has not applied yet; null while PostgreSQL is out of reach.</param>
/// <param name="LogReadAt">When the copy last read the article log to its end: while PostgreSQL is out of reach, how stale its answers are.</param>
/// <param name="Rebuilding">The copy is being rebuilt from PostgreSQL (<c>POST /index/_rebuild</c>), answering from its old index meanwhile.</param>
public sealed record ShardCopyHealth(int Copy, string Node, long AppliedVersion, long? Lag, DateTimeOffset? LogReadAt, bool Rebuilding);

/// <param name="To">The node the copy is being built on, where it moves once built.</param>
/// <param name="BuiltVersion">The version of the article log up to which the build holds every change so far.</param>
/// <param name="StartedAt">When the build started.</param>
public sealed record ShardCopyMove(int Copy, string To, long BuiltVersion, DateTimeOffset StartedAt);
