using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Searching;

namespace SearchService.Api.Problems;

/// <summary>Why a search could not run, as the 400 naming the parameter at fault: a query that does not parse or was refused (q), a cursor that cannot be followed (after).</summary>
public static class QueryProblem
{
    /// <summary>The problem for <paramref name="failure"/>; null when it is not one of a search's refusals.</summary>
    public static ProblemHttpResult? For(Exception failure) => failure switch
    {
        QuerySyntaxException e => ParameterProblem.For("q", $"The query is not valid Lucene syntax: {e.Message}"),
        QueryRefusedException e => ParameterProblem.For("q", $"The query was refused before it ran: {e.Message}"),
        CursorException e => ParameterProblem.For("after", e.Message),
        _ => null,
    };
}
