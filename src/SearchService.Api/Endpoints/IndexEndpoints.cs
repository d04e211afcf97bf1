using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Cluster;
using SearchService.Core.Indexing;

namespace SearchService.Api.Endpoints;

/// <summary>The index as a whole, behind the admin key: rebuilding it from the corpus, or in cluster mode every shard copy from PostgreSQL.</summary>
public static class IndexEndpoints
{
    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        var index = app.MapAdminGroup("/index");
        index.MapPost("/_rebuild", Rebuild)
            .WithName("RebuildIndex")
            .WithDescription("202 at once: the rebuild runs in the background into a new index and replaces the old one when complete; " +
                "a failed rebuild leaves the old index serving. /health says indexing until it is done; 409 while one runs. " +
                "In cluster mode every copy of every shard rebuilds from PostgreSQL into a new index and switches to it once caught up, " +
                "answering searches from its old index meanwhile; /health marks each copy rebuilding until then; 409 when every copy " +
                "is rebuilding already, 503 when none answered.")
            .WithSummary("Rebuild the index from the corpus folder (and the API writes), or in cluster mode from PostgreSQL, while the old one keeps answering")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Accepted<RebuildAnswer>, ProblemHttpResult>> Rebuild(
        HttpContext context, IServiceProvider services, [FromServices] ClusterRebuild? cluster)
    {
        if (cluster is not null)
            return await RebuildShardsAsync(cluster, context.RequestAborted);
        return services.GetRequiredService<RebuildRunner>().TryStart() is null
            ? TypedResults.Problem(detail: "A rebuild is already running; /health says \"indexing\" until it is done.",
                statusCode: StatusCodes.Status409Conflict, title: "Rebuild already running")
            : TypedResults.Accepted("/health", new RebuildAnswer("rebuilding"));
    }

    private static async Task<Results<Accepted<RebuildAnswer>, ProblemHttpResult>> RebuildShardsAsync(ClusterRebuild cluster, CancellationToken cancellation)
    {
        var (started, alreadyRebuilding, notAnswering) = await cluster.StartAsync(cancellation);
        if (started > 0)
            return TypedResults.Accepted("/health", new RebuildAnswer("rebuilding"));
        return alreadyRebuilding > 0
            ? TypedResults.Problem(detail: $"Every shard copy that answered is rebuilding already ({alreadyRebuilding}); /health marks each until it is done.",
                statusCode: StatusCodes.Status409Conflict, title: "Rebuild already running")
            : TypedResults.Problem(detail: $"None of the {notAnswering} shard copies answered; the node's log names why.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shard copies unavailable");
    }
}

public sealed record RebuildAnswer(string Status);
