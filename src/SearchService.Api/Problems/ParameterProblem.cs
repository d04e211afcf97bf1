using Microsoft.AspNetCore.Http.HttpResults;

namespace SearchService.Api.Problems;

/// <summary>A 400 problem-details answer that names the request parameter at fault.</summary>
public static class ParameterProblem
{
    public static ProblemHttpResult For(string parameter, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: $"Invalid parameter '{parameter}'",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
