using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Backends;
using SearchService.Api.Limits;
using SearchService.Api.Problems;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Core.Sharding;

namespace SearchService.Api.Endpoints;

/// <summary>
/// <c>GET /articles/{id}/related</c>: the articles most like one article (<see cref="RelatedArticleFinder"/>), with the
/// filters of <c>/search</c>. An id with a '/' (a .txt article's path) is sent with it encoded as %2F.
/// </summary>
public static class RelatedEndpoints
{
    public static IEndpointRouteBuilder MapRelatedEndpoints(this IEndpointRouteBuilder app)
    {
        // Routing prefers this template to GET /articles/{**id}: a literal segment after a parameter outranks a catch-all.
        app.MapGet("/articles/{id}/related", Related)
            .WithName("RelatedArticles")
            .WithTags("Articles")
            .WithSummary("The articles most like one article")
            .WithDescription(
                "Articles like this one (never itself), best first, by the words they share (MoreLikeThis) and, when asked, by meaning. " +
                "Filters and dates work as in /search, so 'related, in region=Afghanistan, last 30 days' is one request. An id no article has " +
                "(or one a scoped key's filters leave out) is a 404 naming id.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RequestLimits.ReadsPolicy)
            .LimitExpensiveQueries()
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();
        return app;
    }

    private static async Task<Results<Ok<RelatedArticles>, ProblemHttpResult>> Related(
        [System.ComponentModel.Description("Article id; a '/' in it encoded as %2F."), OpenApi.Example("reuters-12")] string id,
        [AsParameters] RelatedParameters parameters, [AsParameters] ReadVersionParameters version, ISearchBackend searcher, FilterFieldSet filterFields,
        HttpContext context)
    {
        // One index's finder in the single process; the shards' (ShardedRelatedFinder) in cluster mode.
        var finder = context.RequestServices.GetRequiredService<IRelatedArticleFinder>();
        var articleId = Uri.UnescapeDataString(id);
        if (parameters.Validate(articleId, finder.CanUseMeaning, out var request) is { } problem)
            return problem;
        if (FilterFieldQuery.Apply(filterFields, context.Request.Query, request.Filters, out var filters) is { } badField)
            return badField;
        if (version.Read(out var minVersion) is { } badVersion)
            return badVersion;
        request = request with { Filters = filters with { Scope = ScopedKeys.ScopeOf(context) } };
        RelatedArticles? related;
        try
        {
            related = await ReadVersionParameters.AnsweredAtAsync(searcher, minVersion, () => finder.FindAsync(request), context);
        }
        catch (SemanticRerankUnavailableException e)
        {
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(detail: e.Message + " Ask by=words, or try again.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Related articles by meaning unavailable", extensions: new Dictionary<string, object?> { ["parameter"] = "by" });
        }
        return related is not null
            ? TypedResults.Ok(related)
            : TypedResults.Problem(
                detail: $"No article with id '{ParameterProblem.Echo(articleId)}' is indexed.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Article not found",
                extensions: new Dictionary<string, object?> { ["parameter"] = "id" });
    }
}
