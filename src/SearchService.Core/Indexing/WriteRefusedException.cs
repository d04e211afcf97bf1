namespace SearchService.Core.Indexing;

/// <summary>
/// An API write that was not acknowledged: it could not be made durable, or not searchable in time, or writes are
/// stopped. <see cref="WritesStopped"/> says whether any write can succeed before the service restarts.
/// </summary>
public sealed class WriteRefusedException(string message, bool writesStopped, Exception? inner = null) : Exception(message, inner)
{
    public bool WritesStopped { get; } = writesStopped;
}
