using System.Globalization;

namespace SearchService.Api.Security;

/// <summary>The answers for a missing or wrong key, and for too many wrong ones.</summary>
public static class KeyProblem
{
    /// <summary>How the key is named in problems: it may come in either of two headers.</summary>
    public const string Parameter = "key";

    public static IResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            detail: detail + " Send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong API key",
            extensions: new Dictionary<string, object?> { ["parameter"] = Parameter });
    }

    /// <summary>A scoped key refused: 401 (with a bearer challenge saying the token is invalid) or 403, naming the key when it is known.</summary>
    public static IResult ScopedKeyRefused(HttpContext context, ScopedKeyRefusal refusal)
    {
        var unauthorized = refusal.Status == StatusCodes.Status401Unauthorized;
        if (unauthorized)
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        var extensions = new Dictionary<string, object?> { ["parameter"] = Parameter };
        if (refusal.KeyId is not null)
            extensions["keyId"] = refusal.KeyId;
        return TypedResults.Problem(detail: refusal.Detail, statusCode: refusal.Status,
            title: unauthorized ? "Scoped key refused" : "Scoped key not allowed here", extensions: extensions);
    }

    public static IResult TooManyFailures(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: $"Too many wrong keys from this client; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong keys",
            extensions: new Dictionary<string, object?> { ["parameter"] = Parameter });
    }
}
