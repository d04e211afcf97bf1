using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SearchService.Core;

namespace SearchService.Api.Security;

/// <summary>
/// The scoped search keys the service issued (<c>POST /keys</c>), and the signed keys revoked, in
/// <see cref="FileName"/> in the index folder, so they survive restarts and rebuilds. Only a SHA-256 of each secret
/// is kept: the secret is shown once, when issued, and is never logged. Every change rewrites the file atomically
/// (a new file moved over the old one), so a crash leaves the old keys or the new ones.
/// </summary>
public sealed class ScopedKeyStore(IOptions<SearchOptions> options, TimeProvider time, ILogger<ScopedKeyStore> logger)
{
    public const string FileName = "search-keys.json";

    /// <summary>Starts every issued secret, followed by the key's id: <c>ssk_{id}_{random}</c>.</summary>
    public const string SecretPrefix = "ssk_";

    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock gate = new();
    private Dictionary<string, StoredScopedKey>? issued;
    private Dictionary<string, RevokedSignedKey>? revokedSigned;

    public DateTimeOffset Now => time.GetUtcNow();

    private string FilePath => Path.Combine(Path.GetFullPath(options.Value.IndexPath), FileName);

    /// <summary>Whether a presented key is one of the issued kind (right or wrong).</summary>
    public static bool Recognizes(string presented) => presented.StartsWith(SecretPrefix, StringComparison.Ordinal);

    /// <summary>Issues a key; answers it with its secret, which nothing else will ever show again.</summary>
    public (ScopedKey Key, string Secret) Issue(string? description, ScopedKeyFilters filters, IReadOnlyList<string> origins, DateTimeOffset? expiresAt)
    {
        var id = "k" + RandomNumberGenerator.GetHexString(12, lowercase: true);
        var secret = $"{SecretPrefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var key = new ScopedKey(id, description, filters, origins, expiresAt, Now);
        lock (gate)
        {
            Load();
            issued![id] = new StoredScopedKey(key, Hash(secret));
            Save();
        }
        logger.LogInformation("Issued scoped search key {KeyId}, expiring {ExpiresAt}", id, expiresAt?.ToString("u") ?? "never");
        return (key, secret);
    }

    /// <summary>The issued keys, oldest first, revoked ones included.</summary>
    public IReadOnlyList<ScopedKey> Keys()
    {
        lock (gate)
        {
            Load();
            return issued!.Values.Select(k => k.Key).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The signed keys revoked, by id.</summary>
    public IReadOnlyList<RevokedSignedKey> RevokedSigned()
    {
        lock (gate)
        {
            Load();
            return revokedSigned!.Values.OrderBy(k => k.RevokedAt).ToList();
        }
    }

    /// <summary>
    /// Revokes the issued key <paramref name="id"/>, or, when none was issued under it, every signed key carrying it
    /// (the service cannot know those). Revoking twice keeps the first time.
    /// </summary>
    public void Revoke(string id)
    {
        lock (gate)
        {
            Load();
            if (issued!.TryGetValue(id, out var stored))
            {
                if (stored.Key.RevokedAt is not null)
                    return;
                issued[id] = stored with { Key = stored.Key with { RevokedAt = Now } };
            }
            else if (!revokedSigned!.TryAdd(id, new RevokedSignedKey(id, Now)))
            {
                return;
            }
            Save();
        }
        logger.LogInformation("Revoked scoped search key {KeyId}", id);
    }

    /// <summary>When the signed keys with this id were revoked, if they were.</summary>
    public DateTimeOffset? SignedRevokedAt(string id)
    {
        lock (gate)
        {
            Load();
            return revokedSigned!.TryGetValue(id, out var revoked) ? revoked.RevokedAt : null;
        }
    }

    /// <summary>The grant of an issued key (<see cref="Recognizes"/>) that is known, unexpired and not revoked; otherwise the refusal.</summary>
    public ScopedKeyRefusal? Check(string presented, out ScopedKeyGrant grant)
    {
        grant = null!;
        var rest = presented[SecretPrefix.Length..];
        var id = rest.IndexOf('_') is var end and > 0 ? rest[..end] : rest;
        StoredScopedKey? stored;
        lock (gate)
        {
            Load();
            issued!.TryGetValue(id, out stored);
        }
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

    private void Load()
    {
        if (issued is not null)
            return;
        var path = FilePath;
        var file = File.Exists(path)
            ? JsonSerializer.Deserialize<ScopedKeyFile>(File.ReadAllBytes(path), FileOptions)
                ?? throw new InvalidDataException($"{path} holds no scoped keys.")
            : new ScopedKeyFile([], []);
        issued = file.Keys.ToDictionary(k => k.Key.Id, StringComparer.Ordinal);
        revokedSigned = file.RevokedSigned.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    private void Save()
    {
        var path = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".new";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new ScopedKeyFile(issued!.Values.ToList(), revokedSigned!.Values.ToList()), FileOptions);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
