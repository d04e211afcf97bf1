using SearchService.Core.Analytics;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A cluster's search analytics in PostgreSQL (<see cref="SearchService.Cluster.Storage.PostgresAnalytics"/>), through
/// two nodes (<see cref="AnalyticsNode"/>) on one database: each node's flushes add what it counted since the last, so
/// either node reports the searches of both, once each, and a day's query limit holds across them. (Kept in each node's
/// index folder, as a single process keeps them, each node reported only the searches it answered.)
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterAnalyticsTests
{
    private readonly ManualClock clock = new();

    [PostgresFact]
    public async Task The_searches_answered_by_two_nodes_are_summed_in_the_report_of_either()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = new AnalyticsNode(log.ConnectionString, clock);
        await using var second = new AnalyticsNode(log.ConnectionString, clock);
        first.Analytics.Searched("oil prices", 12, scoped: false);
        first.Analytics.Searched("Oil  prices", 12, scoped: false);
        first.Analytics.Clicked("oil prices", 2);
        second.Analytics.Searched("oil prices", 12, scoped: false);
        second.Analytics.Searched("tin council", 0, scoped: false);

        await first.Analytics.FlushAsync();
        await second.Analytics.FlushAsync();

        foreach (var node in new[] { first, second })
        {
            var report = await node.TodayAsync();
            Assert.Equal((4L, 1L, 1L, 2.0), (report.Searches, report.ZeroResultSearches, report.Clicks, report.MeanClickPosition));
            Assert.Equal([("oil prices", 3L, 1L), ("tin council", 1L, 0L)], report.TopQueries.Select(q => (q.Query, q.Searches, q.Clicks)));
            Assert.Equal(["tin council"], report.TopZeroResultQueries.Select(q => q.Query));
        }
    }

    [PostgresFact]
    public async Task A_report_counts_the_searches_of_its_node_not_yet_flushed_once()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = new AnalyticsNode(log.ConnectionString, clock);
        await using var second = new AnalyticsNode(log.ConnectionString, clock);
        first.Analytics.Searched("coffee exports", 9, scoped: false);
        await first.Analytics.FlushAsync();
        first.Analytics.Searched("coffee exports", 9, scoped: false);
        second.Analytics.Searched("coffee exports", 9, scoped: false);

        Assert.Equal(2, Assert.Single((await first.TodayAsync()).TopQueries).Searches);
        Assert.Equal(2, Assert.Single((await second.TodayAsync()).TopQueries).Searches);
    }

    [PostgresFact]
    public async Task Repeated_flushes_count_each_search_once()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = new AnalyticsNode(log.ConnectionString, clock);
        await using var second = new AnalyticsNode(log.ConnectionString, clock);
        first.Analytics.Searched("cocoa buffer stock", 3, scoped: false);
        second.Analytics.Searched("cocoa buffer stock", 3, scoped: false);

        for (var i = 0; i < 3; i++)
        {
            await first.Analytics.FlushAsync();
            await second.Analytics.FlushAsync();
        }

        var report = await second.TodayAsync();
        Assert.Equal(2, report.Searches);
        Assert.Equal(2, Assert.Single(report.TopQueries).Searches);
    }

    [PostgresFact]
    public async Task An_add_sent_again_under_its_id_counts_once()
    {
        await using var log = await TestArticleLog.CreateAsync();
        var storage = new SearchService.Cluster.Storage.PostgresAnalytics(() => Task.FromResult(log.Log));
        var day = new DateOnly(2026, 1, 1);
        var increment = new AnalyticsDay { Date = day, Searches = 1, Queries = { ["gold"] = new QueryTally { Searches = 1 } } };
        var batch = Guid.NewGuid();

        await storage.AddAsync(batch, [increment], 100, CancellationToken.None);
        await storage.AddAsync(batch, [increment], 100, CancellationToken.None);

        var stored = await storage.SumAsync(day, day, CancellationToken.None);
        Assert.Equal((1L, 1L), (stored.Searches, stored.Queries["gold"].Searches));
    }

    [PostgresFact]
    public async Task A_days_query_limit_holds_across_nodes()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = new AnalyticsNode(log.ConnectionString, clock, maxQueriesPerDay: 2);
        await using var second = new AnalyticsNode(log.ConnectionString, clock, maxQueriesPerDay: 2);
        first.Analytics.Searched("yen", 5, scoped: false);
        first.Analytics.Searched("dollar", 5, scoped: false);
        await first.Analytics.FlushAsync();
        second.Analytics.Searched("sterling", 5, scoped: false);
        second.Analytics.Searched("sterling", 5, scoped: false);
        second.Analytics.Searched("yen", 5, scoped: false);

        await second.Analytics.FlushAsync();

        var report = await first.TodayAsync();
        Assert.Equal((5L, 2L), (report.Searches, report.UntrackedSearches));
        Assert.Equal([("yen", 2L), ("dollar", 1L)], report.TopQueries.Select(q => (q.Query, q.Searches)));
    }

    [PostgresFact]
    public async Task A_days_query_limit_holds_when_nodes_flush_at_once()
    {
        await using var log = await TestArticleLog.CreateAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => new AnalyticsNode(log.ConnectionString, clock, maxQueriesPerDay: 5)).ToList();
        try
        {
            for (var n = 0; n < nodes.Count; n++)
            {
                for (var q = 0; q < 3; q++)
                    nodes[n].Analytics.Searched($"node {n} query {q}", 5, scoped: false);
            }

            await Task.WhenAll(nodes.Select(node => Task.Run(() => node.Analytics.FlushAsync())));

            var report = await nodes[0].TodayAsync();
            Assert.Equal(12, report.Searches);
            Assert.Equal(5, report.TopQueries.Count);
            Assert.Equal(7, report.UntrackedSearches);
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_query_searched_through_one_node_is_offered_by_the_others_suggest_once_flushed()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var first = new AnalyticsNode(log.ConnectionString, clock, suggestAfter: 3);
        await using var second = new AnalyticsNode(log.ConnectionString, clock, suggestAfter: 3);
        first.Analytics.Searched("trade deficit japan", 40, scoped: false);
        first.Analytics.Searched("trade deficit japan", 40, scoped: false);
        second.Analytics.Searched("trade deficit japan", 40, scoped: false);
        await first.Analytics.FlushAsync();
        await second.Analytics.FlushAsync();

        await first.Analytics.FlushAsync(); // renews its popular queries

        foreach (var node in new[] { first, second })
            Assert.Equal(["trade deficit japan"], node.Analytics.WithPopular("trade", 8, scoped: false, []).Select(s => s.Text));
    }

    [PostgresFact]
    public async Task Days_past_the_retention_are_deleted_from_PostgreSQL()
    {
        await using var log = await TestArticleLog.CreateAsync();
        await using var node = new AnalyticsNode(log.ConnectionString, clock, retentionDays: 2);
        node.Analytics.Searched("gold", 2, scoped: false);
        await node.Analytics.FlushAsync();
        var firstDay = node.Analytics.Today;

        clock.Advance(TimeSpan.FromDays(2));
        await node.Analytics.FlushAsync();

        var storage = new SearchService.Cluster.Storage.PostgresAnalytics(() => Task.FromResult(log.Log));
        Assert.Equal(0, (await storage.SumAsync(firstDay, firstDay, CancellationToken.None)).Searches);
    }
}
