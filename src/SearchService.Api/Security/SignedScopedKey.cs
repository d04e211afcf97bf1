using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SearchService.Api.Problems;

namespace SearchService.Api.Security;

/// <summary>
/// Scoped keys an admin signs offline, without asking the service (Meilisearch's tenant tokens are the model): a JSON
/// Web Token, <c>base64url(header).base64url(payload).base64url(HMAC-SHA256(Search:KeySigningSecret, header.payload))</c>,
/// header <c>{"alg":"HS256","typ":"JWT"}</c>, payload a <see cref="SignedKeyPayload"/>. Any JWT library, or openssl
/// (docs/api.md), makes one.
/// </summary>
public static class SignedScopedKey
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Whether a presented key has a JWT's shape (a JSON header, three parts).</summary>
    public static bool LooksSigned(string presented) =>
        presented.StartsWith("eyJ", StringComparison.Ordinal) && presented.Count(c => c == '.') == 2;

    /// <summary>The grant of a well-signed, unexpired key whose id is not revoked; otherwise the refusal.</summary>
    public static ScopedKeyRefusal? Check(string token, string? secret, DateTimeOffset now, Func<string, DateTimeOffset?> revokedAt, out ScopedKeyGrant grant)
    {
        grant = null!;
        if (string.IsNullOrEmpty(secret))
            return Unauthorized(null, "This server takes no signed keys: it has no Search:KeySigningSecret configured.");
        var parts = token.Split('.');
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        if (!Base64Url.IsValid(parts[2]) || !CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            return Unauthorized(null, "The signed key's signature does not match (HMAC-SHA256 with the server's Search:KeySigningSecret).");
        if (Header(parts[0]) is not "HS256")
            return Unauthorized(null, "A signed key's header must say {\"alg\":\"HS256\"}.");
        SignedKeyPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<SignedKeyPayload>(Base64Url.DecodeFromChars(parts[1]), PayloadOptions);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return Unauthorized(null, "The signed key's payload is not the JSON docs/api.md describes (id, filters, origins, exp).");
        }
        if (payload is null || string.IsNullOrWhiteSpace(payload.Id))
            return Unauthorized(null, "The signed key's payload has no id.");
        var id = ParameterProblem.Echo(payload.Id);
        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(payload.Exp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (expires <= now)
            return Unauthorized(id, $"Key '{id}' expired at {expires:u}.");
        if (revokedAt(payload.Id) is { } revoked)
            return Unauthorized(id, $"Key '{id}' was revoked at {revoked:u}.");
        if ((payload.Filters ?? new ScopedKeyFilters()).Problem(out var scope) is { } problem)
            return Unauthorized(id, $"Key '{id}' carries filters the service cannot apply: {problem}");
        grant = new ScopedKeyGrant(payload.Id, payload.Origins ?? [], scope);
        return null;
    }

    private static string? Header(string encoded)
    {
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
            return header.RootElement.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String ? alg.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static ScopedKeyRefusal Unauthorized(string? id, string detail) => new(StatusCodes.Status401Unauthorized, id, detail);
}
