using System.ComponentModel;
using System.Text.Json.Serialization;
using SearchService.Api.Security;

namespace SearchService.Api.Endpoints;

/// <summary>The body of <c>POST /keys</c>: what the new scoped key may see, from where, and until when.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[Description("A scoped search key to issue.")]
public sealed record NewScopedKey(
    [property: Description("What the key is for (at most 200 characters); listed, never used.")] string? Description,
    [property: Description("The fixed filters; request parameters can narrow them, never widen them. Left out: the whole index.")] ScopedKeyFilters? Filters,
    [property: Description("Pages allowed to use the key (scheme://host[:port], at most 20); left out or empty: any.")] IReadOnlyList<string>? Origins,
    [property: Description("When the key stops working (ISO 8601, in the future); left out: never.")] DateTimeOffset? ExpiresAt);
