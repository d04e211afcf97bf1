using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Security;
using SearchService.Core.Searching;

namespace SearchService.Api.Limits;

/// <summary>
/// Bounds how many expensive requests run at once: searches and facet counts with <c>syntax=lucene</c> (wildcards,
/// fuzzy terms, regular expressions), a simple <c>q</c> with a phrase of some slop (<c>"a b"~3</c>) or
/// <c>rerank=semantic</c> (the language model), and related articles by meaning
/// (<c>by=meaning</c> or <c>by=both</c>, the model too). One more than
/// <see cref="AccessOptions.ExpensiveQueryConcurrency"/> is answered 503 with Retry-After at once, instead of
/// holding a thread while it waits, so cheap searches keep their cores. The endpoints that can be expensive say so with
/// <see cref="RequestLimits.LimitExpensiveQueries{TBuilder}"/>; they share the one limit.
/// </summary>
public sealed class ExpensiveQueryLimiter : IDisposable
{
    private readonly ConcurrencyLimiter? limiter;

    public ExpensiveQueryLimiter(IOptions<AccessOptions> options)
    {
        if (options.Value.ExpensiveQueryConcurrency is var permits and > 0)
            limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 });
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (limiter is null || ExpensiveParameter(request) is not { } parameter)
            return await next(context);
        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
            return await next(context);
        var without = parameter == "q" ? "the phrase's ~ slop" : parameter;
        return Refused(context.HttpContext, parameter, $"try again in a second, or search without {without}");
    }

    /// <summary>
    /// A permit for a request that is expensive whatever it asks (an export reads every match), held until the request
    /// ends rather than until its handler returns, since its answer is written afterwards. False when none is left
    /// (answer <see cref="Refused"/>); true with a permit to dispose when the answer is written, or with none when
    /// expensive queries are not limited.
    /// </summary>
    public bool TryEnter(out RateLimitLease? permit)
    {
        permit = limiter?.AttemptAcquire();
        if (permit is null or { IsAcquired: true })
            return true;
        permit.Dispose();
        permit = null;
        return false;
    }

    /// <summary>The 503 answer to an expensive request beyond the limit, naming the parameter that made it expensive.</summary>
    public static ProblemHttpResult Refused(HttpContext context, string parameter, string advice)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            detail: $"The server is running as many {parameter} queries as it can; {advice}.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many expensive queries at once",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
    }

    /// <summary>The parameter that makes the request expensive, or null. Any of its values counts, read as the endpoints read it.</summary>
    private static string? ExpensiveParameter(HttpRequest request)
    {
        if (Says(request, "syntax", "lucene"))
            return "syntax";
        // Read with the simple syntax (the default; any other value is refused as a 400 before the search runs).
        foreach (var q in request.Query["q"])
        {
            if (q is not null && UserQueryParser.HasSloppyPhrase(q))
                return "q";
        }
        if (Says(request, "rerank", "semantic"))
            return "rerank";
        return Says(request, "by", "meaning") || Says(request, "by", "both") ? "by" : null;
    }

    private static bool Says(HttpRequest request, string parameter, string word)
    {
        // Every request is asked, so a value of another length is passed over before any copy is made.
        foreach (var value in request.Query[parameter])
        {
            if (value?.AsSpan().Trim().Length == word.Length && value.Trim().ToLowerInvariant() == word)
                return true;
        }
        return false;
    }

    public void Dispose() => limiter?.Dispose();
}
