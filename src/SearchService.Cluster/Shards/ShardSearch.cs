namespace SearchService.Cluster.Shards;

/// <summary>
/// One search on a shard grain, named by its gatherer: the first call of the search opens it over the shard's reader of
/// that moment (saving a call to open it), the others find it open.
/// </summary>
/// <param name="MinVersion">
/// The version of the article log the copy must have applied before the search opens: the highest version a copy of
/// the shard has answered this node's searches at, so that a search never sees less than one before it did.
/// </param>
/// <param name="PointInTime">A cursor walk's point in time on this copy: the search opens on it while the copy holds it,
/// else (or when 0) on the copy's current reader, once it has applied <see cref="MinVersion"/>.</param>
[GenerateSerializer]
public readonly record struct ShardSearch(
    [property: Id(0)] Guid Id, [property: Id(1)] bool Opens, [property: Id(2)] long MinVersion = 0, [property: Id(3)] long PointInTime = 0);
