using SearchService.Core.Indexing;

namespace SearchService.Api.Backends;

/// <summary>What a bulk write did, and its articles' write as acknowledged.</summary>
public sealed record BulkWritten(BulkResult Result, AcknowledgedWrite Acknowledged);
