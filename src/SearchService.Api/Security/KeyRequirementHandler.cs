using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>Checks <see cref="KeyRequirement"/>s against the current configuration, so a changed key applies at once.</summary>
public sealed class KeyRequirementHandler(IOptionsMonitor<AccessOptions> options) : AuthorizationHandler<KeyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KeyRequirement requirement)
    {
        if (requirement.IsMetBy(context.User, options.CurrentValue))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
