using SearchService.Core.Searching;

namespace SearchService.Api.Security;

/// <summary>A valid scoped key presented with a request (kept in its features): which key, where from, and what it may see.</summary>
public sealed record ScopedKeyGrant(string KeyId, IReadOnlyList<string> Origins, SearchScope Scope)
{
    /// <summary>
    /// Whether the request comes from a page the key allows: its <c>Origin</c> header (sent by browsers with
    /// cross-origin requests), else the origin of its <c>Referer</c>. A key that lists origins refuses a request with
    /// neither, so a key copied off a page does not work from a script elsewhere that leaves them out.
    /// </summary>
    public bool AllowsOriginOf(HttpRequest request, out string? origin)
    {
        origin = request.Headers.Origin is [{ Length: > 0 } sent] ? sent
            : Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) ? referer.GetLeftPart(UriPartial.Authority)
            : null;
        var from = origin;
        return Origins.Count == 0 || (from is not null && Origins.Any(allowed => string.Equals(allowed, from, StringComparison.OrdinalIgnoreCase)));
    }
}
