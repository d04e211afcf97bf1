namespace SearchService.Api.Security;

/// <summary>The 401 answer for a missing or wrong key.</summary>
public static class KeyProblem
{
    public static IResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            detail: detail + " Send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong API key");
    }
}
