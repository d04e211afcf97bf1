using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// Lets a request through to a write endpoint only with the admin key. With no admin key configured the write
/// endpoints are disabled (403), never open.
/// </summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.AdminApiKey;
        if (string.IsNullOrEmpty(expected))
            return TypedResults.Problem(
                detail: "The write API is disabled: the server has no Search:AdminApiKey configured.",
                statusCode: StatusCodes.Status403Forbidden, title: "Write API disabled");
        var presented = ApiKey.Presented(context.HttpContext.Request);
        return failures.Refusal(context.HttpContext, presented, ApiKey.Matches(presented, expected), "This endpoint needs the admin key.")
            ?? await next(context);
    }
}
