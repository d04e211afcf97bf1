using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>Query-string parameters of <c>GET /suggest</c>.</summary>
public sealed class SuggestParameters
{
    public const int MaxQueryLength = 200;
    public const int DefaultSize = 8;

    [Example("terr")]
    [FromQuery(Name = "q")]
    [Description("What the user has typed so far. The last word (or the last two, as a phrase) is completed; a trailing space asks for the next word. At most 200 characters.")]
    public string? Q { get; init; }

    [Example("8")]
    [FromQuery(Name = "size")]
    [Description("How many suggestions at most, 1 to 20 (default 8).")]
    public int? Size { get; init; }

    public ProblemHttpResult? Validate(out string typed, out int size)
    {
        typed = Q ?? "";
        size = Size ?? DefaultSize;
        if (typed.Length > MaxQueryLength)
            return ParameterProblem.For("q", $"q may be at most {MaxQueryLength} characters long; it has {typed.Length}.");
        if (size is < 1 or > Suggester.MaxSize)
            return ParameterProblem.For("size", $"size must be between 1 and {Suggester.MaxSize}; it was {size}.");
        return null;
    }
}
