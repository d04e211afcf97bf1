using System.ComponentModel;
using SearchService.Api.Security;

namespace SearchService.Api.Endpoints;

/// <summary>The answer of <c>GET /keys</c>.</summary>
[Description("The scoped keys issued (never their secrets) and the ids of revoked signed keys.")]
public sealed record ScopedKeyList(
    [property: Description("Issued keys, oldest first, revoked ones included (with revokedAt).")] IReadOnlyList<ScopedKey> Keys,
    [property: Description("Ids of signed keys revoked with DELETE /keys/{id}: every signed key carrying one is refused.")] IReadOnlyList<RevokedSignedKey> RevokedSigned);
