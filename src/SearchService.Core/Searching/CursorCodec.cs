using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace SearchService.Core.Searching;

/// <summary>
/// Writes cursors as opaque text and reads them back: the cursor's JSON and an HMAC-SHA256 of it under a key made when
/// the process starts (in cluster mode, one key every node shares), in base64url. Nothing in a cursor is secret (the sort values of a hit the client has seen, a
/// digest of its search); the MAC makes an altered cursor, or one from another process, fail as a whole rather than
/// point somewhere else.
/// </summary>
public sealed class CursorCodec
{
    /// <summary>
    /// Longer text is not a cursor of ours: an article id is at most a few hundred characters, and a sharded index's
    /// cursor names a copy and point in time of each shard (about 60 characters a shard once encoded; 64 shards fit).
    /// </summary>
    public const int MaxLength = 6_000;

    private const int MacLength = 32;

    public const int KeyLength = 32;

    private readonly byte[] key;

    /// <summary>A codec whose cursors only this process reads.</summary>
    public CursorCodec() : this(NewKey())
    {
    }

    /// <summary>A codec that reads the cursors of every codec made with <paramref name="key"/>.</summary>
    public CursorCodec(byte[] key)
    {
        if (key.Length != KeyLength)
            throw new ArgumentException($"A cursor key is {KeyLength} bytes, not {key.Length}.", nameof(key));
        this.key = key;
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);

    public string Encode(SearchCursor cursor)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(cursor);
        return Base64Url.EncodeToString([.. payload, .. HMACSHA256.HashData(key, payload)]);
    }

    /// <exception cref="CursorException">The text is not a cursor this codec wrote.</exception>
    public SearchCursor Decode(string text)
    {
        if (text.Length > MaxLength || !Base64Url.IsValid(text))
            throw new CursorException("after is not a cursor from this service's answers (next).");
        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length <= MacLength)
            throw new CursorException("after is not a cursor from this service's answers (next).");
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), bytes.AsSpan(bytes.Length - MacLength)))
            throw new CursorException("after was altered, or made by another server or before a restart; start again without after.");
        try
        {
            return JsonSerializer.Deserialize<SearchCursor>(payload) ?? throw new CursorException("after holds no cursor.");
        }
        catch (JsonException)
        {
            throw new CursorException("after holds no cursor.");
        }
    }
}
