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

    /// <summary>
    /// Reads a parameter that takes one of a few words (any case, spaces around ignored); absent or empty, it is
    /// <paramref name="empty"/>. Anything else is the problem returned, listing the words.
    /// </summary>
    public static ProblemHttpResult? ReadChoice<T>(string parameter, string? text, T empty, out T value, params (string Word, T Value)[] choices)
    {
        value = empty;
        var word = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(word))
            return null;
        foreach (var choice in choices)
        {
            if (choice.Word == word)
            {
                value = choice.Value;
                return null;
            }
        }
        var words = choices.Select(c => $"'{c.Word}'").ToList();
        return For(parameter, $"{parameter} must be {string.Join(", ", words[..^1])} or {words[^1]}, not '{Echo(text)}'.");
    }

    /// <summary>What the caller sent, as a problem's detail repeats it: cut short, since a query string may be long.</summary>
    public static string Echo(string? value) =>
        value is { Length: > 40 } ? value[..(char.IsHighSurrogate(value[39]) ? 39 : 40)] + "…" : value ?? "";
}
