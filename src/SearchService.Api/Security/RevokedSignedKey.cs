namespace SearchService.Api.Security;

/// <summary>The id of a signed key that was revoked, and when: a signed key the service never issued cannot be deleted, only refused.</summary>
public sealed record RevokedSignedKey(string Id, DateTimeOffset RevokedAt);
