namespace SearchService.Core.Indexing;

/// <summary>What one bulk write did: articles written, lines refused.</summary>
public sealed record BulkResult(int Written, int Failed);
