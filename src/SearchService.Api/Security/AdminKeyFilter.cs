using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// Lets a request through to a write endpoint only with the admin key. With no admin key configured the write
/// endpoints are disabled (403), never open.
/// </summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AccessOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.AdminApiKey;
        if (string.IsNullOrEmpty(expected))
            return TypedResults.Problem(
                detail: "The write API is disabled: the server has no Search:AdminApiKey configured.",
                statusCode: StatusCodes.Status403Forbidden, title: "Write API disabled");
        if (!ApiKey.Matches(ApiKey.Presented(context.HttpContext.Request), expected))
            return KeyProblem.Unauthorized(context.HttpContext, "This endpoint needs the admin key.");
        return await next(context);
    }
}
