using System.ComponentModel;
using SearchService.Api.Security;

namespace SearchService.Api.Endpoints;

/// <summary>The answer of <c>POST /keys</c>: the key and, this once, its secret.</summary>
[Description("A key just issued: its secret, shown only now, and what it allows.")]
public sealed record IssuedScopedKey(
    [property: Description("The secret to send as 'X-Api-Key' or 'Authorization: Bearer' (the search box's key attribute). Only a hash of it is kept: it cannot be shown again.")] string Secret,
    [property: Description("The key, as GET /keys lists it.")] ScopedKey Key);
