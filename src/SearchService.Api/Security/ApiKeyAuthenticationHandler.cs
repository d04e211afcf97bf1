using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// Tells which of the two keys a request presents (<see cref="ApiKey.Presented"/>), as the scopes it holds. A client
/// locked out by <see cref="KeyFailureLimiter"/> holds none, even with the right key, and its result says until when.
/// Counts nothing itself: a wrong key counts only where an endpoint refuses it (<see cref="KeyRefusals"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string RetryAfterParameter = "retryAfter";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKey.Presented(Request);
        if (presented is null)
            return Task.FromResult(AuthenticateResult.NoResult());
        if (failures.IsLockedOut(Context, out var retryAfter))
        {
            var lockedOut = new AuthenticationProperties();
            lockedOut.SetParameter(RetryAfterParameter, retryAfter);
            return Task.FromResult(AuthenticateResult.Fail("Too many wrong keys from this client.", lockedOut));
        }
        var access = options.CurrentValue;
        // Both comparisons always run, so the timing does not tell which key matched.
        var search = ApiKey.Matches(presented, access.SearchApiKey);
        var admin = ApiKey.Matches(presented, access.AdminApiKey);
        if (!search && !admin)
            return Task.FromResult(AuthenticateResult.Fail("Wrong key."));
        var claims = new List<Claim> { new(ScopeClaim, nameof(KeyScope.Search)) };
        if (admin)
            claims.Add(new Claim(ScopeClaim, nameof(KeyScope.Admin)));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }
}
