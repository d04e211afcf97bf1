using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SearchService.Api.Security;

/// <summary>
/// The scoped search keys the service issued (<c>POST /keys</c>), and the signed keys revoked, kept by
/// <see cref="IScopedKeyStorage"/> (beside the index, or in PostgreSQL for a cluster). Only a SHA-256 of each secret is
/// kept: the secret is shown once, when issued, and is never logged.
/// </summary>
public sealed class ScopedKeyStore(IScopedKeyStorage storage, TimeProvider time, ILogger<ScopedKeyStore> logger)
{
    /// <summary>Starts every issued secret, followed by the key's id: <c>ssk_{id}_{random}</c>.</summary>
    public const string SecretPrefix = "ssk_";

    private readonly Lock gate = new();
    // The keys by id, made again when the storage holds other keys (another node's change, in a cluster).
    private (ScopedKeyFile Of, Dictionary<string, StoredScopedKey> Issued, Dictionary<string, RevokedSignedKey> RevokedSigned)? byId;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether a presented key is one of the issued kind (right or wrong).</summary>
    public static bool Recognizes(string presented) => presented.StartsWith(SecretPrefix, StringComparison.Ordinal);

    /// <summary>Issues a key; answers it with its secret, which nothing else will ever show again.</summary>
    public async Task<(ScopedKey Key, string Secret)> IssueAsync(
        string? description, ScopedKeyFilters filters, IReadOnlyList<string> origins, DateTimeOffset? expiresAt, CancellationToken cancellation)
    {
        var id = "k" + RandomNumberGenerator.GetHexString(12, lowercase: true);
        var secret = $"{SecretPrefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var key = new ScopedKey(id, description, filters, origins, expiresAt, Now);
        await storage.ChangeAsync(keys => keys with { Keys = [.. keys.Keys, new StoredScopedKey(key, Hash(secret))] }, cancellation);
        logger.LogInformation("Issued scoped search key {KeyId}, expiring {ExpiresAt}", id, expiresAt?.ToString("u") ?? "never");
        return (key, secret);
    }

    /// <summary>The issued keys, oldest first, revoked ones included.</summary>
    public IReadOnlyList<ScopedKey> Keys() =>
        storage.Current.Keys.Select(k => k.Key).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();

    /// <summary>The signed keys revoked, by id.</summary>
    public IReadOnlyList<RevokedSignedKey> RevokedSigned() => storage.Current.RevokedSigned.OrderBy(k => k.RevokedAt).ToList();

    /// <summary>
    /// Revokes the issued key <paramref name="id"/>, or, when none was issued under it, every signed key carrying it
    /// (the service cannot know those). Revoking twice keeps the first time.
    /// </summary>
    public async Task RevokeAsync(string id, CancellationToken cancellation)
    {
        var now = Now;
        var revokedNow = false;
        await storage.ChangeAsync(keys =>
        {
            revokedNow = false; // a storage may run the change again, on the keys as they are then
            ScopedKeyFile? changed;
            if (keys.Keys.FirstOrDefault(k => k.Key.Id == id) is { } stored)
            {
                changed = stored.Key.RevokedAt is not null
                    ? null
                    : keys with { Keys = keys.Keys.Select(k => k == stored ? k with { Key = k.Key with { RevokedAt = now } } : k).ToList() };
            }
            else
                changed = keys.RevokedSigned.Any(k => k.Id == id) ? null : keys with { RevokedSigned = [.. keys.RevokedSigned, new RevokedSignedKey(id, now)] };
            revokedNow = changed is not null;
            return changed;
        }, cancellation);
        if (revokedNow)
            logger.LogInformation("Revoked scoped search key {KeyId}", id);
        else
            logger.LogInformation("Scoped search key {KeyId} was revoked already; its first revocation stands", id);
    }

    /// <summary>When the signed keys with this id were revoked, if they were.</summary>
    public DateTimeOffset? SignedRevokedAt(string id) => ById().RevokedSigned.TryGetValue(id, out var revoked) ? revoked.RevokedAt : null;

    /// <summary>The grant of an issued key (<see cref="Recognizes"/>) that is known, unexpired and not revoked; otherwise the refusal.</summary>
    public ScopedKeyRefusal? Check(string presented, out ScopedKeyGrant grant)
    {
        grant = null!;
        var rest = presented[SecretPrefix.Length..];
        var id = rest.IndexOf('_') is var end and > 0 ? rest[..end] : rest;
        ById().Issued.TryGetValue(id, out var stored);
        // The hash is compared even for an unknown id, so the time taken does not tell ids apart.
        var matches = CryptographicOperations.FixedTimeEquals(
            Convert.FromHexString(stored?.SecretHash ?? Hash("")), Convert.FromHexString(Hash(presented)));
        if (stored is null || !matches)
            return new ScopedKeyRefusal(StatusCodes.Status401Unauthorized, null, "No such key was issued here (or it is mistyped).");
        var key = stored.Key;
        if (key.RevokedAt is { } revoked)
            return new ScopedKeyRefusal(StatusCodes.Status401Unauthorized, key.Id, $"Key '{key.Id}' was revoked at {revoked:u}.");
        if (key.ExpiresAt is { } expires && expires <= Now)
            return new ScopedKeyRefusal(StatusCodes.Status401Unauthorized, key.Id, $"Key '{key.Id}' expired at {expires:u}.");
        key.Filters.Problem(out var scope);
        grant = new ScopedKeyGrant(key.Id, key.Origins, scope);
        return null;
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private (ScopedKeyFile Of, Dictionary<string, StoredScopedKey> Issued, Dictionary<string, RevokedSignedKey> RevokedSigned) ById()
    {
        var current = storage.Current;
        lock (gate)
        {
            if (byId is not { } known || !ReferenceEquals(known.Of, current))
            {
                byId = known = (current, current.Keys.ToDictionary(k => k.Key.Id, StringComparer.Ordinal),
                    current.RevokedSigned.ToDictionary(k => k.Id, StringComparer.Ordinal));
            }
            return known;
        }
    }
}
