using Microsoft.AspNetCore.Authorization;

namespace SearchService.Api.Security;

/// <summary>An endpoint's need for a key of one <see cref="KeyScope"/>; met by the scopes the presented key was found to hold.</summary>
public sealed class KeyRequirement(KeyScope scope) : IAuthorizationRequirement
{
    public KeyScope Scope { get; } = scope;

    /// <summary>
    /// Whether the request (its user as <see cref="ApiKeyAuthenticationHandler"/> knows it) may pass. A scoped key
    /// refused, or presented where its filters are not applied (<see cref="ScopedKeys.RefusalOf"/>), never passes, even
    /// where the service is open to requests without a key.
    /// </summary>
    public bool IsMetBy(HttpContext context, AccessOptions access) => Scope switch
    {
        KeyScope.Search => ScopedKeys.RefusalOf(context) is null
            && (string.IsNullOrEmpty(access.SearchApiKey) || context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, nameof(KeyScope.Search))),
        KeyScope.Admin => !string.IsNullOrEmpty(access.AdminApiKey) && context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, nameof(KeyScope.Admin)),
        _ => throw new InvalidOperationException($"Unknown key scope {Scope}."),
    };
}
