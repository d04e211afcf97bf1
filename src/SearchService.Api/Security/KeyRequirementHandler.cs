using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// Checks <see cref="KeyRequirement"/>s against the current configuration, so a changed key applies at once. The
/// resource authorized is the request (as the authorization middleware passes it), whose features say which scoped key it holds.
/// </summary>
public sealed class KeyRequirementHandler(IOptionsMonitor<AccessOptions> options) : AuthorizationHandler<KeyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KeyRequirement requirement)
    {
        if (context.Resource is HttpContext request && requirement.IsMetBy(request, options.CurrentValue))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
