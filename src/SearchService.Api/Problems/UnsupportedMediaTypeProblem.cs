using Microsoft.AspNetCore.Mvc;

namespace SearchService.Api.Problems;

/// <summary>
/// Fills in the 415 that routing answers for a body of a media type the endpoint does not read (its accepted types are
/// routing metadata, so no endpoint code runs): it names <c>Content-Type</c> as the bad parameter and echoes what was sent.
/// </summary>
public static class UnsupportedMediaTypeProblem
{
    public const string Parameter = "Content-Type";

    public static void FillIn(ProblemDetails problem, HttpRequest request)
    {
        if (problem.Status != StatusCodes.Status415UnsupportedMediaType || problem.Detail is not null)
            return;
        var sent = request.ContentType is { Length: > 0 } type ? $"'{ParameterProblem.Echo(type)}'" : "none";
        problem.Detail = $"{Parameter} {sent} is not a type this endpoint reads; /openapi/v1.json gives each endpoint's (its requestBody).";
        problem.Extensions["parameter"] = Parameter;
    }
}
