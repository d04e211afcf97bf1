namespace SearchService.Api.Security;

/// <summary>What <see cref="ScopedKeyStore"/> writes to its file: the issued keys and the revoked signed ones.</summary>
public sealed record ScopedKeyFile(IReadOnlyList<StoredScopedKey> Keys, IReadOnlyList<RevokedSignedKey> RevokedSigned);
