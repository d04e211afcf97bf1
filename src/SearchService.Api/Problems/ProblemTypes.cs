using Microsoft.AspNetCore.Mvc;

namespace SearchService.Api.Problems;

/// <summary>
/// The <c>type</c> of problems whose status ASP.NET Core has no default for, so that every problem names the section of
/// the RFC that defines its status, as ASP.NET Core does for 400, 404 or 503.
/// </summary>
public static class ProblemTypes
{
    private static readonly Dictionary<int, string> MissingDefaults = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        [StatusCodes.Status429TooManyRequests] = "https://tools.ietf.org/html/rfc6585#section-4",
        [StatusCodes.Status501NotImplemented] = "https://tools.ietf.org/html/rfc9110#section-15.6.2",
    };

    /// <summary>Fills in the type of a problem that has none, where the status has a defining section.</summary>
    public static void FillIn(ProblemDetails problem)
    {
        if (problem.Type is null && problem.Status is int status && MissingDefaults.TryGetValue(status, out var type))
            problem.Type = type;
    }
}
