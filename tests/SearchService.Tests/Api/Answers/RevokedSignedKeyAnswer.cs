using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A revoked signed key's id, as <c>GET /keys</c> lists it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RevokedSignedKeyAnswer(string Id, DateTimeOffset RevokedAt);
