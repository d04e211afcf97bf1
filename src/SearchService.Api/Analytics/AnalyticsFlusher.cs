namespace SearchService.Api.Analytics;

/// <summary>
/// Writes <see cref="SearchAnalytics"/> to disk: once before the server takes requests (reading today's counts back
/// after a restart), every <see cref="Interval"/> after, and at shutdown, so a crash loses at most that much.
/// </summary>
public sealed class AnalyticsFlusher(SearchAnalytics analytics, TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private PeriodicTimer? timer;
    private Task? flushing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!analytics.Enabled)
            return Task.CompletedTask;
        analytics.Flush();
        timer = new PeriodicTimer(Interval, time);
        flushing = FlushEveryIntervalAsync(timer);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        if (flushing is not null)
            await flushing.WaitAsync(cancellationToken);
        analytics.Flush();
    }

    public void Dispose() => timer?.Dispose();

    private async Task FlushEveryIntervalAsync(PeriodicTimer every)
    {
        while (await every.WaitForNextTickAsync())
            analytics.Flush();
    }
}
