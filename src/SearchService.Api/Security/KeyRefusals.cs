using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// Answers a request that an endpoint's key policy refused, for the first scope it lacks (search before admin):
/// 403 when writes are disabled (no admin key configured), 429 with Retry-After while the client is locked out, else
/// 401 with a bearer challenge, a presented wrong key counting against the client (<see cref="KeyFailureLimiter"/>).
/// A scoped key refused is answered as its <see cref="ScopedKeyRefusal"/> says, naming the key.
/// </summary>
public sealed class KeyRefusals(IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler platform = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var access = options.CurrentValue;
        var lacking = policy.Requirements.OfType<KeyRequirement>().FirstOrDefault(requirement => !requirement.IsMetBy(context, access));
        if (!authorizeResult.Succeeded && lacking is not null)
            await (await RefusalAsync(context, lacking.Scope, access)).ExecuteAsync(context);
        else
            await platform.HandleAsync(next, context, policy, authorizeResult); // success, or a refusal that is not about keys
    }

    private async Task<IResult> RefusalAsync(HttpContext context, KeyScope scope, AccessOptions access)
    {
        if (scope == KeyScope.Admin && string.IsNullOrEmpty(access.AdminApiKey))
            return TypedResults.Problem(
                detail: "The write API is disabled: the server has no Search:AdminApiKey configured.",
                statusCode: StatusCodes.Status403Forbidden, title: "Write API disabled");
        // The handler's result, computed once per request: whether the client was locked out when its key was read.
        var authentication = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (authentication.Properties?.GetParameter<TimeSpan?>(ApiKeyAuthenticationHandler.RetryAfterParameter) is { } retryAfter)
            return KeyProblem.TooManyFailures(context, retryAfter);
        if (ScopedKeys.RefusalOf(context) is { } scopedRefusal)
        {
            if (scopedRefusal.Status == StatusCodes.Status401Unauthorized)
                failures.CountFailure(context);
            return KeyProblem.ScopedKeyRefused(context, scopedRefusal);
        }
        if (ApiKey.Presented(context.Request) is not null)
            failures.CountFailure(context);
        return KeyProblem.Unauthorized(context, scope == KeyScope.Admin ? "This endpoint needs the admin key." : "This service needs a key.");
    }
}
