namespace SearchService.Cluster.Storage;

/// <summary>
/// Work run in the background at most once, from its first <see cref="Start"/> until disposed: disposal cancels it and
/// waits for it to end, so nothing it holds outlives its owner.
/// </summary>
internal sealed class BackgroundRun : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? running;

    /// <summary>Runs <paramref name="work"/>, given the token disposal cancels, unless a run began already or it is disposed.</summary>
    public void Start(Func<CancellationToken, Task> work)
    {
        lock (gate)
        {
            if (running is null && !stopping.IsCancellationRequested)
                running = Task.Run(() => work(stopping.Token), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? ran;
        lock (gate)
        {
            stopping.Cancel();
            ran = running;
        }
        if (ran is not null)
            await ran;
        stopping.Dispose();
    }
}
