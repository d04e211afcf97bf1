using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Api.Analytics;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A node's search analytics as a node holds them (<see cref="SearchAnalytics"/> over <see cref="PostgresAnalytics"/>
/// on a connection pool of its own), without a silo or HTTP: what its /search, /suggest and /analytics use.
/// </summary>
public sealed class AnalyticsNode : IAsyncDisposable
{
    private readonly SiloArticleLog log;

    public AnalyticsNode(string connectionString, TimeProvider clock, int maxQueriesPerDay = 100, int retentionDays = 30, int suggestAfter = 3)
    {
        log = new SiloArticleLog(new ArticleLogOptions(connectionString));
        Analytics = new SearchAnalytics(new PostgresAnalytics(log.GetAsync),
            Options.Create(new SearchAnalyticsOptions { MaxQueriesPerDay = maxQueriesPerDay, RetentionDays = retentionDays, SuggestAfterSearches = suggestAfter }),
            clock, NullLogger<SearchAnalytics>.Instance);
    }

    public SearchAnalytics Analytics { get; }

    /// <summary>Today's report through this node.</summary>
    public Task<AnalyticsReport> TodayAsync() => Analytics.ReportAsync(Analytics.Today, Analytics.Today, 10, CancellationToken.None);

    public ValueTask DisposeAsync() => log.DisposeAsync();
}
