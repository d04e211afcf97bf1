using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace SearchService.Api.Security;

/// <summary>An endpoint's need for a key of one <see cref="KeyScope"/>; met by the scopes the presented key was found to hold.</summary>
public sealed class KeyRequirement(KeyScope scope) : IAuthorizationRequirement
{
    public KeyScope Scope { get; } = scope;

    /// <summary>Whether <paramref name="user"/> (as <see cref="ApiKeyAuthenticationHandler"/> knows it) may pass.</summary>
    public bool IsMetBy(ClaimsPrincipal user, AccessOptions access) => Scope switch
    {
        KeyScope.Search => string.IsNullOrEmpty(access.SearchApiKey) || user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, nameof(KeyScope.Search)),
        KeyScope.Admin => !string.IsNullOrEmpty(access.AdminApiKey) && user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, nameof(KeyScope.Admin)),
        _ => throw new InvalidOperationException($"Unknown key scope {Scope}."),
    };
}
