using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// For private deployments: with <c>Search:SearchApiKey</c> set, every request except the health probes needs that
/// key or the admin key. Without it, reading is open.
/// </summary>
public sealed class SearchKeyMiddleware(RequestDelegate next, IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var access = options.CurrentValue;
        if (string.IsNullOrEmpty(access.SearchApiKey) || !Guards(context.Request.Path))
        {
            await next(context);
            return;
        }
        var presented = ApiKey.Presented(context.Request);
        // Non-short-circuit '|': both comparisons always run, so the timing does not tell which key matched.
        var matches = ApiKey.Matches(presented, access.SearchApiKey) | ApiKey.Matches(presented, access.AdminApiKey);
        if (failures.Refusal(context, presented, matches, "This service needs a key.") is { } refusal)
            await refusal.ExecuteAsync(context);
        else
            await next(context);
    }

    /// <summary>Whether a search key, when configured, is needed at <paramref name="path"/>: everywhere but the health probes.</summary>
    public static bool Guards(PathString path) => !path.StartsWithSegments("/health");
}
