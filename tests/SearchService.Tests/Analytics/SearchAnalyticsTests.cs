using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Api.Analytics;
using SearchService.Core;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Analytics;

/// <summary>Counting searches and clicks per query and day, on disk in a temp index folder, with a clock the tests move.</summary>
public sealed class SearchAnalyticsTests : IDisposable
{
    private readonly TempDirectory index = new();
    private readonly ManualClock clock = new();
    private readonly RecordingLogger<SearchAnalytics> log = new();
    private readonly RecordingLogger<AnalyticsFileStorage> fileLog = new();

    public void Dispose() => index.Dispose();

    private SearchAnalytics Open(int retentionDays = 30, int maxQueriesPerDay = 100, int suggestAfter = 3) =>
        new(new AnalyticsFileStorage(Options.Create(new SearchOptions { IndexPath = index.Path }), fileLog),
            Options.Create(new SearchAnalyticsOptions
            {
                RetentionDays = retentionDays, MaxQueriesPerDay = maxQueriesPerDay, SuggestAfterSearches = suggestAfter,
            }),
            clock, log);

    private static Task<AnalyticsReport> TodayAsync(SearchAnalytics analytics) => ReportAsync(analytics, analytics.Today, analytics.Today);

    private static Task<AnalyticsReport> ReportAsync(SearchAnalytics analytics, DateOnly from, DateOnly to) =>
        analytics.ReportAsync(from, to, 10, CancellationToken.None);

    [Fact]
    public async Task A_search_is_counted_under_its_query_in_lower_case_with_runs_of_spaces_as_one()
    {
        var analytics = Open();

        analytics.Searched("  Oil   PRICES ", 12, scoped: false);
        analytics.Searched("oil prices", 12, scoped: false);

        var top = Assert.Single((await TodayAsync(analytics)).TopQueries);
        Assert.Equal(("oil prices", 2L), (top.Query, top.Searches));
    }

    [Fact]
    public async Task A_search_that_found_nothing_is_a_zero_result_query()
    {
        var analytics = Open();

        analytics.Searched("opec quotas", 4, scoped: false);
        analytics.Searched("ayatollah khomeini grandson", 0, scoped: false);

        var report = await TodayAsync(analytics);
        Assert.Equal((2L, 1L), (report.Searches, report.ZeroResultSearches));
        Assert.Equal(["ayatollah khomeini grandson"], report.TopZeroResultQueries.Select(q => q.Query));
    }

    [Fact]
    public async Task Past_its_query_limit_a_day_counts_new_queries_only_in_its_totals()
    {
        var analytics = Open(maxQueriesPerDay: 2);

        foreach (var query in new[] { "yen", "dollar", "sterling", "yen" })
            analytics.Searched(query, 5, scoped: false);

        var report = await TodayAsync(analytics);
        Assert.Equal((4L, 1L), (report.Searches, report.UntrackedSearches));
        Assert.Equal(["yen", "dollar"], report.TopQueries.Select(q => q.Query));
    }

    [Fact]
    public async Task A_click_counts_for_its_query_and_its_position_for_the_mean()
    {
        var analytics = Open();
        analytics.Searched("coffee exports", 9, scoped: false);
        analytics.Searched("coffee exports", 9, scoped: false);

        analytics.Clicked("Coffee exports", 1);
        analytics.Clicked("coffee exports", 4);

        var report = await TodayAsync(analytics);
        var top = Assert.Single(report.TopQueries);
        Assert.Equal((2L, 1.0), (top.Clicks, top.ClickThroughRate));
        Assert.Equal(2.5, report.MeanClickPosition);
    }

    [Fact]
    public async Task A_click_for_a_query_not_searched_today_adds_no_query()
    {
        var analytics = Open();

        analytics.Clicked("tin council debts", 1);

        var report = await TodayAsync(analytics);
        Assert.Equal(1, report.Clicks);
        Assert.Empty(report.TopQueries);
    }

    [Fact]
    public async Task The_counts_survive_a_restart()
    {
        var before = Open();
        before.Searched("cocoa buffer stock", 3, scoped: false);
        await before.FlushAsync();

        var after = Open();
        after.Searched("cocoa buffer stock", 3, scoped: false);
        await after.FlushAsync();

        Assert.Equal(2, Assert.Single((await TodayAsync(after)).TopQueries).Searches);
    }

    [Fact]
    public async Task A_new_day_starts_at_midnight_and_the_day_before_is_still_reported()
    {
        var analytics = Open();
        analytics.Searched("grain exports", 7, scoped: false);
        clock.Advance(TimeSpan.FromDays(1));

        analytics.Searched("grain exports", 7, scoped: false);
        analytics.Searched("wheat", 7, scoped: false);

        Assert.Equal(2, (await TodayAsync(analytics)).Searches);
        var bothDays = await ReportAsync(analytics, analytics.Today.AddDays(-1), analytics.Today);
        Assert.Equal(("grain exports", 2L), (bothDays.TopQueries[0].Query, bothDays.TopQueries[0].Searches));
    }

    [Fact]
    public async Task Days_past_the_retention_are_deleted_from_disk()
    {
        var analytics = Open(retentionDays: 2);
        analytics.Searched("gold", 2, scoped: false);
        await analytics.FlushAsync();
        var firstDay = analytics.Today;

        clock.Advance(TimeSpan.FromDays(2));
        await analytics.FlushAsync();

        Assert.Equal(0, (await ReportAsync(analytics, firstDay, analytics.Today)).Searches);
        Assert.Empty(Directory.GetFiles(index.Combine(AnalyticsFileStorage.FolderName), "*.json"));
    }

    [Fact]
    public async Task A_day_file_that_cannot_be_read_counts_as_empty_with_a_warning_naming_it()
    {
        var analytics = Open();
        var yesterday = analytics.Today.AddDays(-1);
        var file = index.WriteFile(Path.Combine(AnalyticsFileStorage.FolderName, $"{yesterday:yyyy-MM-dd}.json"), "{ torn");

        var report = await ReportAsync(analytics, yesterday, yesterday);

        Assert.Equal(0, report.Searches);
        Assert.Contains(fileLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(file));
    }

    [Fact]
    public async Task A_query_searched_often_enough_with_results_is_offered_as_a_completion()
    {
        var analytics = Open(suggestAfter: 3);
        for (var i = 0; i < 3; i++)
            analytics.Searched("trade deficit japan", 40, scoped: false);
        analytics.Searched("trade surplus", 40, scoped: false);
        await analytics.FlushAsync();

        var suggestions = analytics.WithPopular("trade", 8, scoped: false, []);

        Assert.Equal([("trade deficit japan", PopularQueries.Kind, 3)], suggestions.Select(s => (s.Text, s.Kind, s.Count)));
    }

    [Fact]
    public async Task A_popular_query_comes_after_the_facet_values_and_before_the_words_and_never_twice()
    {
        var analytics = Open(suggestAfter: 1);
        analytics.Searched("inflation", 40, scoped: false);
        analytics.Searched("inflation japan", 40, scoped: false);
        await analytics.FlushAsync();
        IReadOnlyList<Suggestion> fromIndex = [new("Indonesia", "region", 40), new("inflation", "term", 300), new("industry", "term", 90)];

        var suggestions = analytics.WithPopular("in", 3, scoped: false, fromIndex);

        Assert.Equal([("Indonesia", "region"), ("inflation japan", PopularQueries.Kind), ("inflation", "term")],
            suggestions.Select(s => (s.Text, s.Kind)));
    }

    [Fact]
    public async Task A_query_that_found_nothing_is_never_offered()
    {
        var analytics = Open(suggestAfter: 1);
        analytics.Searched("trade war with mars", 0, scoped: false);
        await analytics.FlushAsync();

        Assert.Empty(analytics.WithPopular("trade", 8, scoped: false, []));
    }

    [Fact]
    public async Task Searches_with_a_scoped_key_make_no_completion_and_a_scoped_key_gets_none()
    {
        var analytics = Open(suggestAfter: 2);
        analytics.Searched("merger talks", 5, scoped: true);
        analytics.Searched("merger talks", 5, scoped: true);
        analytics.Searched("merger bid", 5, scoped: false);
        analytics.Searched("merger bid", 5, scoped: false);
        await analytics.FlushAsync();

        Assert.Equal(["merger bid"], analytics.WithPopular("merger", 8, scoped: false, []).Select(s => s.Text));
        Assert.Empty(analytics.WithPopular("merger", 8, scoped: true, []));
    }

    [Fact]
    public async Task With_retention_zero_nothing_is_counted_or_written()
    {
        var analytics = Open(retentionDays: 0);

        analytics.Searched("oil", 3, scoped: false);
        await analytics.FlushAsync();

        Assert.False(analytics.Enabled);
        Assert.False(Directory.Exists(index.Combine(AnalyticsFileStorage.FolderName)));
    }
}
