using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SearchService.Api.Limits;

namespace SearchService.Api.Security;

/// <summary>
/// Counts wrong keys per client (<see cref="ClientPartition"/>): past <see cref="AccessOptions.KeyFailuresPerMinute"/>
/// every key the client presents, even the right one, is answered 429 until the minute is over, so keys cannot be
/// guessed at the speed of the network. A request without a key guesses nothing and is not counted.
/// </summary>
public sealed class KeyFailureLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> failures;

    public KeyFailureLimiter(IOptionsMonitor<AccessOptions> options, ClientRoster clients)
    {
        // As many partitions as the roster holds clients; the limiter drops those idle for ten seconds.
        failures = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            options.CurrentValue.KeyFailuresPerMinute is var permits and > 0
                ? RateLimitPartition.GetFixedWindowLimiter(clients.PartitionFor(ClientPartition.For(context)), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("unlimited"));
    }

    /// <summary>
    /// Checks a presented key: null when it is right and the client is not locked out, else the 401 or 429 to answer.
    /// </summary>
    public IResult? Refusal(HttpContext context, string? presented, bool matches, string detail)
    {
        if (presented is not null && IsLockedOut(context, out var retryAfter))
            return KeyProblem.TooManyFailures(context, retryAfter);
        if (matches)
            return null;
        if (presented is not null)
            CountFailure(context);
        return KeyProblem.Unauthorized(context, detail);
    }

    /// <summary>Whether the client has used up its wrong keys; if so, when it may try again.</summary>
    public bool IsLockedOut(HttpContext context, out TimeSpan retryAfter)
    {
        // Zero permits asks only whether the client has any left.
        using var allowance = failures.AttemptAcquire(context, 0);
        retryAfter = allowance.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !allowance.IsAcquired;
    }

    public void CountFailure(HttpContext context) => failures.AttemptAcquire(context).Dispose();

    public void Dispose() => failures.Dispose();
}
