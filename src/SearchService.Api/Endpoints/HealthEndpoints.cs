using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SearchService.Api.Cluster;
using SearchService.Api.Security;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// The skipped files an answer lists, the first by path: a folder of thousands of bad files would otherwise make
    /// every operator's look at the health megabytes long. <c>filesSkipped</c> counts them all; the log names each.
    /// </summary>
    public const int SkippedFilesListed = 100;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health)
            .WithName("Health")
            .WithTags("Health")
            .WithDescription("status is indexing, ready, or writesStopped (a commit of the index or a journal write failed: writes are refused " +
                "until a restart, searches are still answered). The details (articles, paragraphs, skipped files and lines with reasons, last indexed) " +
                "need the operators' key where one is configured: the admin key when set, else the search key. Never needs a key to answer.")
            .WithSummary("Whether indexing is under way; with the operators' key (when a key is configured) also the index size and skipped corpus files, " +
                "or in cluster mode the nodes, shards, their copies and lag")
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, Ok<ClusterHealthReport>, Ok<Probe>>> Health(
        HttpContext context, IndexingStatus status, IndexOpener opener, IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures,
        [FromServices] ClusterHealth? cluster)
    {
        var state = WritesStopped(context, opener) ? "writesStopped" : status.IsIndexing ? "indexing" : "ready";
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
        if (cluster is not null)
            return TypedResults.Ok(await cluster.ReportAsync(context.RequestAborted));
        // This process's index, opened at start-up: resolved here, since a cluster node opens none.
        var size = context.RequestServices.GetRequiredService<ArticleLookup>().Statistics();
        var skippedFiles = status.SkippedFiles;
        var skipped = skippedFiles.OrderBy(p => p.File, StringComparer.Ordinal).Take(SkippedFilesListed)
            .Select(p => new SkippedFile(p.File, SkipReason.Of(p.Message))).ToList();
        return TypedResults.Ok(new HealthReport(
            state, size.Articles, size.Paragraphs, skippedFiles.Count, status.SkippedLines, status.IsIndexing, status.LastCompleted, skipped));
    }

    /// <summary>Whether this process's index has stopped taking writes; a cluster node opens none (its report says the rest).</summary>
    private static bool WritesStopped(HttpContext context, IndexOpener opener) =>
        opener.IsOpen && context.RequestServices.GetRequiredService<ArticleStore>().WritesStoppedBecause is not null;
}
