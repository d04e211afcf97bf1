namespace SearchService.Api.Security;

/// <summary>
/// Why a scoped key presented with a request is refused, kept in the request's features so the key policies refuse
/// it even where the service is open to requests without a key: 401 (unknown, badly signed, expired or revoked) or
/// 403 (used from an origin it does not allow, or at an endpoint that does not honour its filters).
/// </summary>
public sealed record ScopedKeyRefusal(int Status, string? KeyId, string Detail);
