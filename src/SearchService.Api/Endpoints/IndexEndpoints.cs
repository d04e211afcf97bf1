using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Indexing;

namespace SearchService.Api.Endpoints;

/// <summary>The index as a whole, behind the admin key: rebuilding it from the corpus.</summary>
public static class IndexEndpoints
{
    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        var index = app.MapAdminGroup("/index");
        index.MapPost("/_rebuild", Rebuild)
            .WithName("RebuildIndex")
            .WithDescription("202 at once: the rebuild runs in the background into a new index and replaces the old one when complete; " +
                "a failed rebuild leaves the old index serving. /health says indexing until it is done; 409 while one runs.")
            .WithSummary("Rebuild the index from the corpus folder (and the API writes) while the old one keeps answering")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Results<Accepted<RebuildAnswer>, ProblemHttpResult> Rebuild(RebuildRunner rebuilds) =>
        rebuilds.TryStart() is null
            ? TypedResults.Problem(detail: "A rebuild is already running; /health says \"indexing\" until it is done.",
                statusCode: StatusCodes.Status409Conflict, title: "Rebuild already running")
            : TypedResults.Accepted("/health", new RebuildAnswer("rebuilding"));
}

public sealed record RebuildAnswer(string Status);
