using Microsoft.Extensions.Logging;
using SearchService.Cluster.Storage;

namespace SearchService.Cluster.Alerts;

/// <summary>The loops alerts run on every node: PostgreSQL out of reach, or any other failure, is logged and tried again; never the node's end.</summary>
internal static class UntilStopped
{
    /// <summary>Runs <paramref name="round"/> again after <paramref name="pause"/> each time it returns or fails, until <paramref name="stopping"/>.</summary>
    /// <param name="what">What stops while a round fails, for the log ("Alert percolation").</param>
    public static async Task RunAsync(Func<CancellationToken, Task> round, TimeSpan pause, ILogger logger, string what, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await round(stopping);
            }
            catch (ArticleLogUnavailableException e)
            {
                logger.LogWarning("{What} paused: {Problem}", what, e.Message);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Anything else (a stored row that no longer reads) must not stop the node.
                logger.LogError(e, "{What} failed; trying again", what);
            }
            await Task.Delay(pause, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Wakes a waiter on <paramref name="signal"/> (at most one count): told once is enough.</summary>
    public static void Wake(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken already.
        }
    }
}
