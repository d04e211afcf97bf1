namespace SearchService.Core.Indexing;

/// <summary>A hold (on commits, on a bulk pass) whose disposal runs <paramref name="end"/> once, however often it is disposed.</summary>
internal sealed class EndOnce(Action end) : IDisposable
{
    private int ended;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref ended, 1) == 0)
            end();
    }
}
