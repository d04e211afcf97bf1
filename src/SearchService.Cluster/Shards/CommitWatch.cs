using Microsoft.Extensions.Logging;
using SearchService.Cluster.Storage;

namespace SearchService.Cluster.Shards;

/// <summary>
/// The silo's one session listening for the article log's commits (<see cref="PostgresArticleLog.ListenAsync"/>): it
/// wakes every shard copy of the silo as a write commits, so a copy applies the write at once instead of at its next
/// poll. Polling stays, as the fallback while the session is down. The session is opened by the first copy that
/// waits, opened again a second after it breaks, and closed with the silo.
/// </summary>
public sealed class CommitWatch(SiloArticleLog articleLog, ILogger<CommitWatch> logger) : IAsyncDisposable
{
    private static readonly TimeSpan ListenAgainAfter = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private TaskCompletionSource nextCommit = NewSignal();
    private long lastCommitted;
    private Task? listening;

    /// <summary>
    /// Returns at once when a version above <paramref name="afterVersion"/> is known committed, else at the next commit,
    /// or after <paramref name="atMost"/> (the poll interval: a commit the session missed is found by reading anyway).
    /// </summary>
    public async Task WaitAsync(long afterVersion, TimeSpan atMost, CancellationToken cancellation)
    {
        Task commit;
        lock (gate)
        {
            if (listening is null && !stopping.IsCancellationRequested)
                listening = Task.Run(ListenAsync, CancellationToken.None);
            if (lastCommitted > afterVersion)
                return;
            commit = nextCommit.Task;
        }
        try
        {
            await commit.WaitAsync(atMost, cancellation);
        }
        catch (TimeoutException)
        {
        }
    }

    private void Committed(long version)
    {
        TaskCompletionSource woken;
        lock (gate)
        {
            lastCommitted = Math.Max(lastCommitted, version);
            woken = nextCommit;
            nextCommit = NewSignal();
        }
        woken.SetResult();
    }

    private async Task ListenAsync()
    {
        var broken = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var log = await articleLog.GetAsync();
                await log.ListenAsync(version =>
                {
                    // The first call comes once the session listens.
                    if (broken)
                        logger.LogInformation("The silo listens for the article log's commits again");
                    broken = false;
                    Committed(version);
                }, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Said once when it breaks, not every second while PostgreSQL is out of reach; the copies poll meanwhile.
                if (!broken)
                    logger.LogWarning("The silo's copies poll the article log: listening for its commits failed: {Reason}", e.Message);
                broken = true;
            }
            try
            {
                await Task.Delay(ListenAgainAfter, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? listened;
        lock (gate)
        {
            stopping.Cancel();
            listened = listening;
        }
        if (listened is not null)
            await listened;
        stopping.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
