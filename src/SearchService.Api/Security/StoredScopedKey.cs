namespace SearchService.Api.Security;

/// <summary>An issued key as its store keeps it: the key and the SHA-256 of its secret (never the secret).</summary>
public sealed record StoredScopedKey(ScopedKey Key, string SecretHash);
