using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Problems;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

public static class FacetEndpoints
{
    public static IEndpointRouteBuilder MapFacetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/facets/{name}", Values)
            .WithName("FacetValues")
            .WithTags("Search")
            .WithSummary("Values of one facet matching a prefix, with counts under the current query and filters")
            .WithDescription(
                "For pickers over facets with thousands of values (speakers, regions). Takes the same q, syntax, filters, " +
                "from, to and collapse as /search; counts are those /search would show for this facet: every filter applied except " +
                "the facet's own, in paragraphs, or in articles with collapse=article.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static Results<Ok<FacetValuesResult>, ProblemHttpResult> Values(
        string name, [AsParameters] SearchScopeParameters search, [AsParameters] FacetValueParameters parameters, ParagraphSearcher searcher)
    {
        if (!IndexSchema.FacetFields.Contains(name))
            return ParameterProblem.For("name", $"'{name}' is not a facet; the facets are {string.Join(", ", IndexSchema.FacetFields)}.");
        if (parameters.Prefix is { Length: > FacetValueParameters.MaxPrefixLength })
            return ParameterProblem.For("prefix", $"prefix may be at most {FacetValueParameters.MaxPrefixLength} characters long.");
        var size = parameters.Size ?? 20;
        if (size is < 1 or > SearchResultParameters.MaxFacetSize)
            return ParameterProblem.For("size", $"size must be between 1 and {SearchResultParameters.MaxFacetSize}; it was {size}.");
        if (search.ValidateScope(out var request) is { } problem)
            return problem;
        try
        {
            var prefix = parameters.Prefix?.Trim() ?? "";
            var unit = request.Unit == ResultUnit.Article ? "articles" : "paragraphs";
            return TypedResults.Ok(new FacetValuesResult(name, prefix, unit, searcher.FacetValues(request, name, prefix, size)));
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
