using Microsoft.Extensions.Logging;
using SearchService.Cluster.Storage;

namespace SearchService.Cluster.Shards;

/// <summary>
/// The silo's one session listening for the article log's commits (<see cref="PostgresArticleLog.CommitListener"/>):
/// it wakes every shard copy of the silo as a write commits, so a copy applies the write at once instead of at its next
/// poll. Polling stays, as the fallback while the session is down. The session is opened by the first copy that
/// waits, opened again a second after it breaks, and closed with the silo.
/// </summary>
public sealed class CommitWatch : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly PostgresNotifications commits;
    private TaskCompletionSource nextCommit = NewSignal();
    private long lastCommitted;

    public CommitWatch(SiloArticleLog articleLog, ILogger<CommitWatch> logger) =>
        commits = PostgresArticleLog.CommitListener(articleLog.GetAsync, Committed, logger);

    /// <summary>
    /// Returns at once when a version above <paramref name="afterVersion"/> is known committed, else at the next commit,
    /// or after <paramref name="atMost"/> (the poll interval: a commit the session missed is found by reading anyway).
    /// </summary>
    public async Task WaitAsync(long afterVersion, TimeSpan atMost, CancellationToken cancellation)
    {
        commits.Start();
        Task commit;
        lock (gate)
        {
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

    public ValueTask DisposeAsync() => commits.DisposeAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
