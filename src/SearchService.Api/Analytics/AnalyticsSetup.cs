using Microsoft.Extensions.DependencyInjection.Extensions;
using SearchService.Core.Analytics;

namespace SearchService.Api.Analytics;

/// <summary>
/// Search analytics (<see cref="SearchAnalytics"/>) and their background flushing to their storage: files beside the
/// index, unless cluster mode registered PostgreSQL's first.
/// </summary>
public static class AnalyticsSetup
{
    public static WebApplicationBuilder AddSearchAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchAnalyticsOptions>().Bind(builder.Configuration.GetSection(SearchAnalyticsOptions.Section))
            .Validate(o => o.RetentionDays >= 0 && o.MaxQueriesPerDay >= 0 && o.SuggestAfterSearches >= 0,
                $"{SearchAnalyticsOptions.Section}: RetentionDays, MaxQueriesPerDay and SuggestAfterSearches must not be negative.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IAnalyticsStorage, AnalyticsFileStorage>();
        builder.Services.AddSingleton<SearchAnalytics>();
        builder.Services.AddHostedService<AnalyticsFlusher>();
        return builder;
    }
}
