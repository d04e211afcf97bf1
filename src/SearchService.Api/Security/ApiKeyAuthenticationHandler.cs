using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Security;

/// <summary>
/// Tells which of the two keys a request presents (<see cref="ApiKey.Presented"/>), as the scopes it holds, or which
/// scoped search key: a valid one holds the search scope and leaves its <see cref="ScopedKeyGrant"/> in the request's
/// features, a refused one its <see cref="ScopedKeyRefusal"/>. A client locked out by <see cref="KeyFailureLimiter"/>
/// holds none, even with the right key, and its result says until when. Counts nothing itself: a wrong key counts only
/// where an endpoint refuses it (<see cref="KeyRefusals"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<AccessOptions> options, KeyFailureLimiter failures, ScopedKeyStore scopedKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string RetryAfterParameter = "retryAfter";
    /// <summary>Names the scoped key a request presented.</summary>
    public const string ScopedKeyClaim = "scopedKey";

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
            return Task.FromResult(ScopedKeyStore.Recognizes(presented) || SignedScopedKey.LooksSigned(presented)
                ? Scoped(presented, access)
                : AuthenticateResult.Fail("Wrong key."));
        var claims = new List<Claim> { new(ScopeClaim, nameof(KeyScope.Search)) };
        if (admin)
            claims.Add(new Claim(ScopeClaim, nameof(KeyScope.Admin)));
        return Task.FromResult(Holding(claims));
    }

    private AuthenticateResult Scoped(string presented, AccessOptions access)
    {
        var refusal = ScopedKeyStore.Recognizes(presented)
            ? scopedKeys.Check(presented, out var grant)
            : SignedScopedKey.Check(presented, access.KeySigningSecret, scopedKeys.Now, scopedKeys.SignedRevokedAt, out grant);
        if (refusal is null && !grant.AllowsOriginOf(Request, out var origin))
            refusal = new ScopedKeyRefusal(StatusCodes.Status403Forbidden, grant.KeyId,
                $"Key '{grant.KeyId}' may only be used from {string.Join(", ", grant.Origins)}; this request comes from {origin ?? "no page (no Origin or Referer)"}.");
        if (refusal is not null)
        {
            Context.Features.Set(refusal);
            return AuthenticateResult.Fail(refusal.Detail);
        }
        Context.Features.Set(grant);
        return Holding([new Claim(ScopeClaim, nameof(KeyScope.Search)), new Claim(ScopedKeyClaim, grant.KeyId)]);
    }

    private static AuthenticateResult Holding(List<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
