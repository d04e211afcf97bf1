using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

public static class SuggestEndpoints
{
    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithTags("Search")
            .WithSummary("Completions for what the user is typing: frequent words and phrases, and matching facet values")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static Results<Ok<SuggestResult>, ProblemHttpResult> Suggest([AsParameters] SuggestParameters parameters, Suggester suggester)
    {
        if (parameters.Validate(out var typed, out var size) is { } problem)
            return problem;
        var clock = Stopwatch.StartNew();
        var suggestions = suggester.Suggest(typed, size);
        return TypedResults.Ok(new SuggestResult(typed, clock.Elapsed.TotalMilliseconds, suggestions));
    }
}
