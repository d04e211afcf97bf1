using System.Security.Cryptography;
using System.Text;

namespace SearchService.Api.Security;

/// <summary>Reading a key from a request and comparing it with a configured one in constant time.</summary>
public static class ApiKey
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key presented as <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>, if any.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName] is [{ Length: > 0 } key])
            return key;
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }

    /// <summary>
    /// Whether <paramref name="presented"/> is <paramref name="expected"/>. Both are hashed first, so the comparison
    /// takes the same time whatever the keys' lengths or how much of them matches.
    /// </summary>
    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
            return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
