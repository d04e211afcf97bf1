namespace SearchService.Core.Indexing;

/// <summary>
/// A bulk body that could not be read to its end (the client went away, or it grew past its size cap). The lines before
/// the cut were applied and are durable and searchable, nothing after it: <see cref="Applied"/> says how far it got.
/// </summary>
public sealed class BulkCutOffException(BulkResult applied, Exception inner)
    : Exception($"The bulk body was cut off after line {applied.Lines}; lines 1–{applied.Lines} were applied.", inner)
{
    public BulkResult Applied { get; } = applied;
}
