using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>The JSON of <c>GET /keys</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScopedKeyListAnswer(List<ScopedKeyAnswer> Keys, List<RevokedSignedKeyAnswer> RevokedSigned);
