using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", Search)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Ranked paragraphs with highlighted snippets and facet counts")
            .WithDescription(
                "Searches paragraphs. total is in paragraphs; with collapse=article, hits are articles (their best paragraph), " +
                "totalArticles counts matching articles and every facet count is in articles; otherwise facet counts are in paragraphs. " +
                "Counts cover all matches (not only this page). " +
                "Each facet is counted with every filter applied except its own, so a UI can offer multi-select.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static Results<Ok<SearchResult>, ProblemHttpResult> Search(
        [AsParameters] SearchScopeParameters scope, [AsParameters] SearchResultParameters result, ParagraphSearcher searcher)
    {
        if (result.Validate(scope, out var request) is { } problem)
            return problem;
        if (request.SemanticRerank && !searcher.CanRerankSemantically)
            return ParameterProblem.For("rerank", "Semantic re-ranking is turned off on this server (Search:SemanticRerankDepth is 0).");
        try
        {
            return TypedResults.Ok(searcher.Search(request));
        }
        catch (QuerySyntaxException e)
        {
            return ParameterProblem.For("q", $"The query is not valid Lucene syntax: {e.Message}");
        }
        catch (QueryRefusedException e)
        {
            return ParameterProblem.For("q", $"The query was refused before it ran: {e.Message}");
        }
    }
}
