using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>One shard's part of an export page (<see cref="IShard.ExportAsync"/>): its next matches in its index order, read as lines.</summary>
/// <param name="Next">The document the shard's next page begins at; -1 when the shard has no more matches.</param>
/// <param name="PointInTime">The point in time the lines were read at (<see cref="ShardPoint.PointInTime"/>): document
/// numbers go on from one page to the next only within it.</param>
public sealed record ShardExportPage(IReadOnlyList<ExportedHit> Lines, int Next, long PointInTime);
