using System.ComponentModel;

namespace SearchService.Api.Security;

/// <summary>A scoped search key as the service lists it: everything but its secret.</summary>
[Description("A scoped search key, without its secret.")]
public sealed record ScopedKey(
    [property: Description("The key's id: names it in GET /keys, DELETE /keys/{id} and the problems about it.")] string Id,
    [property: Description("What the key is for, as its issuer wrote it.")] string? Description,
    [property: Description("What the key may see.")] ScopedKeyFilters Filters,
    [property: Description("Pages (scheme://host[:port]) the key may be used from, by the request's Origin or Referer; empty: any, and requests without either.")] IReadOnlyList<string> Origins,
    [property: Description("When the key stops working; null: never.")] DateTimeOffset? ExpiresAt,
    [property: Description("When it was issued.")] DateTimeOffset CreatedAt,
    [property: Description("When it was revoked; null while it is not.")] DateTimeOffset? RevokedAt = null);
