namespace SearchService.Core.Indexing;

/// <summary>What one bulk write did: lines read and applied (a prefix of the body), articles written, lines refused.</summary>
public sealed record BulkResult(int Lines, int Written, int Failed);
