using SearchService.Core.Analytics;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node's search analytics while its PostgreSQL is stopped (<see cref="PostgresServer"/>, a server of the test's own):
/// searches are still counted, in memory; the report cannot be made and says it names PostgreSQL; once it is back, the
/// next flush adds what was counted meanwhile, once.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterAnalyticsOutageTests
{
    [PostgresFact]
    public async Task Searches_counted_while_PostgreSQL_is_down_are_added_once_it_is_back()
    {
        using var server = await PostgresServer.StartNewAsync();
        var clock = new ManualClock();
        await using var node = new AnalyticsNode(server.ConnectionString, clock);
        node.Analytics.Searched("opec quotas", 4, scoped: false);
        await node.Analytics.FlushAsync();

        await server.StopAsync();
        node.Analytics.Searched("opec quotas", 4, scoped: false);
        await node.Analytics.FlushAsync();
        node.Analytics.Searched("opec quotas", 4, scoped: false);
        await node.Analytics.FlushAsync();
        var unavailable = await Assert.ThrowsAsync<AnalyticsStorageUnavailableException>(node.TodayAsync);
        await server.StartAsync();
        await node.Analytics.FlushAsync();

        Assert.Contains($"PostgreSQL at 127.0.0.1:{server.Port}", unavailable.Message, StringComparison.Ordinal);
        await using var other = new AnalyticsNode(server.ConnectionString, clock);
        var report = await other.TodayAsync();
        Assert.Equal(3, report.Searches);
        Assert.Equal(3, Assert.Single(report.TopQueries).Searches);
    }
}
