using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SearchService.Api.Security;

namespace SearchService.Api.Limits;

/// <summary>
/// Request line and body caps, who the client is behind a trusted proxy, per-client rate limiting of searches and
/// of wrong keys, and the cap on expensive queries running at once.
/// </summary>
public static class RequestLimits
{
    /// <summary>The longest request line (method, path and query string) the server reads.</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>
    /// The per-client limit of <see cref="AccessOptions.SearchRequestsPerSecond"/>, which the read endpoints (searches,
    /// suggestions, facets, articles, pages, the widget) require; writes, health probes and metrics are not limited.
    /// </summary>
    public const string ReadsPolicy = "reads";

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder, AccessOptions access)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = access.MaxRequestBodyBytes;
            // Kestrel refuses a longer request line itself, with an empty 414 before any endpoint sees it (8 KB by default):
            // up to this length an over-long parameter is answered by its endpoint, as a problem naming it.
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ReadsPolicy, context =>
                context.RequestServices.GetRequiredService<IOptionsMonitor<AccessOptions>>().CurrentValue.SearchRequestsPerSecond is var permits and > 0
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        // Limits are per client (ClientPartition), as many as the roster holds; a change of the configured
                        // rate applies to new partitions. The limiter drops partitions idle for ten seconds.
                        context.RequestServices.GetRequiredService<ClientRoster>().PartitionFor(ClientPartition.For(context)),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = permits,
                            Window = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
            limiter.OnRejected = RejectAsync;
        });
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AccessOptions>>(
            (forwarded, options) => TrustedProxies.Apply(forwarded, options.Value.TrustedProxies));
        builder.Services.AddSingleton(services => new ClientRoster(
            services.GetRequiredService<IOptions<AccessOptions>>().Value.MaxTrackedClients, services.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<KeyFailureLimiter>();
        builder.Services.AddSingleton<ExpensiveQueryLimiter>();
        return builder;
    }

    /// <summary>Puts an endpoint that can run expensive queries under the one shared <see cref="ExpensiveQueryLimiter"/>.</summary>
    public static TBuilder LimitExpensiveQueries<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ExpensiveQueryLimiter>().InvokeAsync(context, next));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            detail: $"Too many searches from this client; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limit reached").ExecuteAsync(context);
    }
}
