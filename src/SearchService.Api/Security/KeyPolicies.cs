using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SearchService.Api.Security;

/// <summary>
/// The two keys as authorization policies. Every endpoint needs the search key (when one is configured) unless it says
/// otherwise: <see cref="Search"/> is the fallback policy, so it also covers unmatched paths. Write endpoints
/// <c>RequireAuthorization(KeyPolicies.Admin)</c>; the health probes <c>AllowAnonymous()</c>.
/// </summary>
public static class KeyPolicies
{
    public const string Search = "search";
    public const string Admin = "admin";

    public static WebApplicationBuilder AddKeyPolicies(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Search, Policy(KeyScope.Search))
            // The search requirement first: in a private deployment a request without any key hears that before
            // hearing that writes are disabled, as it would at any other endpoint.
            .AddPolicy(Admin, Policy(KeyScope.Search, KeyScope.Admin))
            .SetFallbackPolicy(Policy(KeyScope.Search));
        builder.Services.AddSingleton<IAuthorizationHandler, KeyRequirementHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IScopedKeyStorage, ScopedKeyFileStorage>();
        builder.Services.AddSingleton<ScopedKeyStore>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, KeyRefusals>();
        return builder;
    }

    private static AuthorizationPolicy Policy(params KeyScope[] scopes) =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .AddRequirements(scopes.Select(scope => new KeyRequirement(scope)).ToArray())
            .Build();
}
