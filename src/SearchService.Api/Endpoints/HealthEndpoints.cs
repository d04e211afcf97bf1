using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Security;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health)
            .WithName("Health")
            .WithTags("Health")
            .WithDescription("status is indexing or ready. The details (articles, paragraphs, skipped files and lines with reasons, last indexed) " +
                "need the operators' key where one is configured: the admin key when set, else the search key. Never needs a key to answer.")
            .WithSummary("Whether indexing is under way; with the operators' key (when a key is configured) also the index size and skipped corpus files");
        return app;
    }

    private static Results<Ok<HealthReport>, Ok<Probe>> Health(
        HttpContext context, ArticleLookup articles, IndexingStatus status, IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures)
    {
        var state = status.IsIndexing ? "indexing" : "ready";
        var access = options.CurrentValue;
        if (!OperatorKey.IsOpen(access))
        {
            // Without the key the status alone answers; a wrong key counts against the client as anywhere else.
            var presented = ApiKey.Presented(context.Request);
            if (presented is null || failures.IsLockedOut(context, out _))
                return TypedResults.Ok(new Probe(state));
            if (!OperatorKey.Matches(access, presented))
            {
                failures.CountFailure(context);
                return TypedResults.Ok(new Probe(state));
            }
        }
        var size = articles.Statistics();
        var skipped = status.SkippedFiles.OrderBy(p => p.File, StringComparer.Ordinal)
            .Select(p => new SkippedFile(p.File, SkipReason.Of(p.Message))).ToList();
        return TypedResults.Ok(new HealthReport(
            state, size.Articles, size.Paragraphs, skipped.Count, status.SkippedLines, status.IsIndexing, status.LastCompleted, skipped));
    }
}
