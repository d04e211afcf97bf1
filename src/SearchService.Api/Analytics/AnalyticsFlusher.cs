namespace SearchService.Api.Analytics;

/// <summary>
/// Flushes <see cref="SearchAnalytics"/> to its storage: once before the server takes requests (reading the popular
/// queries), every <see cref="Interval"/> after, and at shutdown, so a crash loses at most that much.
/// </summary>
public sealed class AnalyticsFlusher(SearchAnalytics analytics, TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private PeriodicTimer? timer;
    private Task? flushing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!analytics.Enabled)
            return;
        await analytics.FlushAsync(cancellationToken);
        timer = new PeriodicTimer(Interval, time);
        flushing = FlushEveryIntervalAsync(timer);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        if (flushing is not null)
            await flushing.WaitAsync(cancellationToken);
        await analytics.FlushAsync(cancellationToken);
    }

    public void Dispose() => timer?.Dispose();

    private async Task FlushEveryIntervalAsync(PeriodicTimer every)
    {
        while (await every.WaitForNextTickAsync())
            await analytics.FlushAsync();
    }
}
