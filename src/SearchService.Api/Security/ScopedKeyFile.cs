using System.Text.Json;

namespace SearchService.Api.Security;

/// <summary>
/// What <see cref="ScopedKeyStore"/> keeps: the issued keys and the revoked signed ones, as JSON in a file beside the
/// index (<see cref="ScopedKeyFileStorage"/>) or in PostgreSQL (cluster mode).
/// </summary>
public sealed record ScopedKeyFile(IReadOnlyList<StoredScopedKey> Keys, IReadOnlyList<RevokedSignedKey> RevokedSigned)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static readonly ScopedKeyFile Empty = new([], []);

    /// <summary>The keys <paramref name="json"/> holds; none when it is empty.</summary>
    /// <exception cref="InvalidDataException">The JSON holds no keys.</exception>
    public static ScopedKeyFile Read(ReadOnlySpan<byte> json, string where) =>
        json.IsEmpty ? Empty : JsonSerializer.Deserialize<ScopedKeyFile>(json, Json) ?? throw new InvalidDataException($"{where} holds no scoped keys.");

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
