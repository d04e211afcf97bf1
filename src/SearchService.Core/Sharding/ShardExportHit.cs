using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>One line of an export page from a shard (<see cref="IShard.ExportAsync"/>): what orders it among every shard's, and the line.</summary>
public sealed record ShardExportHit(ShardHit Hit, ExportedHit Line);
