using Microsoft.Extensions.Logging;

namespace SearchService.Cluster.Storage;

/// <summary>
/// Keeps a node's copy of a <see cref="PostgresSharedRow"/> current, from <see cref="Start"/> until disposed: the row is
/// read again when another node's change is told on its channel (LISTEN), and checked every <see cref="CheckEvery"/>
/// without one; each version newer than the node's goes to the callback. PostgreSQL out of reach leaves the node with
/// the state it read last (said once in the log, and once when it is read again).
/// </summary>
/// <param name="log">Where the row is read; asked again at each read (a silo's log may fail to open).</param>
/// <param name="table">The row's table (<see cref="PostgresSharedRow"/>'s constants).</param>
/// <param name="knownVersion">The version the node holds (-1: none).</param>
/// <param name="changed">Given each newer version and its state.</param>
/// <param name="what">What the row holds, as the log names it ("The speaker identity table").</param>
public sealed class SharedRowFollower(
    Func<Task<PostgresArticleLog>> log, string table, Func<long> knownVersion, Action<long, byte[]> changed, string what, ILogger logger)
    : IAsyncDisposable
{
    private readonly BackgroundRun following = new();

    /// <summary>How often the row's version is read when no change is told, and how soon listening starts again after it broke.</summary>
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Begins following, unless it began already or the follower is disposed.</summary>
    public void Start() => following.Start(FollowAsync);

    private async Task FollowAsync(CancellationToken stopping)
    {
        var wake = NewSignal();
        await using var listening = new PostgresNotifications(log, table, "SELECT NULL", _ => wake.TrySetResult(), logger)
        {
            CheckEvery = CheckEvery,
            ListenAgainAfter = CheckEvery,
        };
        listening.Start();
        var unreachable = false;
        while (!stopping.IsCancellationRequested)
        {
            // Before the read: a change told while it runs is read again.
            wake = NewSignal();
            try
            {
                var (version, state) = await new PostgresSharedRow(await log(), table).ReadAsync(knownVersion(), stopping);
                if (state is not null)
                    changed(version, state);
                if (unreachable)
                    logger.LogInformation("{What} is read from PostgreSQL again", what);
                unreachable = false;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Said once: the node goes on with the state last read.
                if (!unreachable)
                    logger.LogWarning("{What} was not read: {Reason}", what, e.Message);
                unreachable = true;
            }
            try
            {
                await wake.Task.WaitAsync(CheckEvery, stopping);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public ValueTask DisposeAsync() => following.DisposeAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
