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
            .WithSummary("Index size, skipped corpus files and whether indexing is under way");
        return app;
    }

    private static HealthReport Health(ArticleLookup articles, IndexingStatus status)
    {
        var size = articles.Statistics();
        var skipped = status.SkippedFiles.OrderBy(p => p.File, StringComparer.Ordinal).Select(p => new SkippedFile(p.File, p.Message)).ToList();
        return new HealthReport(
            status.IsIndexing ? "indexing" : "ready",
            size.Articles, size.Paragraphs, skipped.Count, status.SkippedLines, status.IsIndexing, status.LastCompleted, skipped);
    }
}
