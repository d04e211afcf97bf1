using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SearchService.Tests.TestSupport;

/// <summary>Scoped keys signed as docs/api.md tells an admin to sign them: a JWT signed HS256 with the server's Search:KeySigningSecret.</summary>
public static class SignedKeys
{
    public static string Sign(object payload, string secret)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var claims = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{claims}"));
        return $"{header}.{claims}.{Base64Url.EncodeToString(signature)}";
    }
}
