namespace SearchService.Api.Security;

/// <summary>The claims of a signed scoped key (a JSON Web Token's payload), as docs/api.md describes them.</summary>
/// <param name="Id">Names the key in problems, and revokes it (<c>DELETE /keys/{id}</c>).</param>
/// <param name="Exp">Expiry, in seconds since 1970 (UTC); required: a key no one lists must not live for ever.</param>
public sealed record SignedKeyPayload(string Id, long Exp, ScopedKeyFilters? Filters = null, IReadOnlyList<string>? Origins = null);
