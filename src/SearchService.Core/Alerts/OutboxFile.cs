namespace SearchService.Core.Alerts;

/// <summary>
/// One file of the webhook outbox: the notices one batch handed over (<see cref="WebhookSender.Send"/>), or one left by
/// a previous run. It is removed once each of its notices is done with: delivered, given up, or dropped with its alert.
/// Thread-safe.
/// </summary>
internal sealed class OutboxFile(string path, int notices)
{
    private int left = notices;

    /// <summary>One of its notices is done with; the last removes the file.</summary>
    public void Done()
    {
        if (Interlocked.Decrement(ref left) == 0)
            File.Delete(path);
    }
}
