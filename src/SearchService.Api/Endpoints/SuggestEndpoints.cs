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
            .WithDescription(
                "Facet values with a word starting as the last word of q come first (at most three; kind region, topic or speaker), then " +
                "words of the paragraphs and two-word phrases of headlines and lead paragraphs (kind term) completing the last word, or the " +
                "last two, most frequent first; count is in paragraphs for a word, in articles for a phrase. Read from a vocabulary rebuilt " +
                "in the background for each index version, so it may lag a change by a few seconds.")
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
