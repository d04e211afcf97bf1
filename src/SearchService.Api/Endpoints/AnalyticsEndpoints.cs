using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Analytics;
using SearchService.Api.Limits;
using SearchService.Api.Problems;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core.Analytics;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Search analytics: a search box reports clicks on hits (<c>POST /analytics/click</c>, best-effort, from any page that
/// may search), an operator reads the counts (<c>GET /analytics</c>, admin key). Searches are counted by
/// <see cref="SearchCounting"/> on <c>/search</c> itself.
/// </summary>
public static class AnalyticsEndpoints
{
    /// <summary>A click report is a few words; anything longer is not one.</summary>
    public const int MaxClickBodyBytes = 4096;

    public const int MaxPosition = 100_000;

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdminGroup("/analytics").MapGet("", Report)
            .WithName("Analytics")
            .WithSummary("Top queries, top zero-result queries and click-through rate over some days")
            .WithDescription("Counts per day (UTC) of first-page searches with words, by query (lower-case, spaces collapsed), with no " +
                "address, key or user kept. Days older than Search:Analytics:RetentionDays are deleted. 404 when analytics are off " +
                "(RetentionDays 0). In cluster mode the counts are the cluster's, kept in PostgreSQL: 503 while it is out of reach.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapPost("/analytics/click", Click)
            .WithName("ReportClick")
            .WithTags("Search")
            .WithSummary("Report a click on a hit (what a search box sends, best-effort)")
            .WithDescription("The body is JSON, sent as application/json or as text/plain (what navigator.sendBeacon sends without a " +
                "preflight). 204 whether or not it was counted: a click is counted only while analytics are on, and counts for its query " +
                "only if that query was searched the same day.")
            .Accepts<ClickReport>("application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RequestLimits.ReadsPolicy)
            .RequireCors(WidgetCors.ClickPolicyName)
            .AcceptsScopedKeys();
        return app;
    }

    private static async Task<Results<Ok<AnalyticsReport>, ProblemHttpResult>> Report(
        [AsParameters] AnalyticsParameters parameters, SearchAnalytics analytics, HttpContext context)
    {
        if (!analytics.Enabled)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Search analytics are off",
                detail: $"{SearchAnalyticsOptions.Section}:RetentionDays is 0, so nothing is counted.");
        if (parameters.Validate(analytics.Today, out var from, out var to, out var size) is { } problem)
            return problem;
        try
        {
            return TypedResults.Ok(await analytics.ReportAsync(from, to, size, context.RequestAborted));
        }
        catch (AnalyticsStorageUnavailableException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search analytics unavailable", detail: e.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Click(HttpRequest request, SearchAnalytics analytics)
    {
        if (request.ContentLength > MaxClickBodyBytes)
            return ParameterProblem.For("body", $"A click report is at most {MaxClickBodyBytes} bytes.");
        var body = new byte[MaxClickBodyBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            length += read;
        if (length > MaxClickBodyBytes)
            return ParameterProblem.For("body", $"A click report is at most {MaxClickBodyBytes} bytes.");
        ClickReport? click;
        try
        {
            click = JsonSerializer.Deserialize<ClickReport>(body.AsSpan(0, length), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ParameterProblem.For("body", "The body must be JSON: {\"q\": \"the query\", \"position\": 1}.");
        }
        if (string.IsNullOrWhiteSpace(click?.Q) || click.Q.Length > SearchAnalytics.MaxQueryLength)
            return ParameterProblem.For("q", $"q, the query whose hit was clicked, must be 1 to {SearchAnalytics.MaxQueryLength} characters long.");
        if (click.Position is not { } position || position < 1 || position > MaxPosition)
            return ParameterProblem.For("position", $"position must be a hit's position from 1 to {MaxPosition}.");
        analytics.Clicked(click.Q, position);
        return TypedResults.NoContent();
    }
}
