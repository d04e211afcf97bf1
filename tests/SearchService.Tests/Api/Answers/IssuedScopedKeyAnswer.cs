using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>The JSON of <c>POST /keys</c>: the secret, this once, and the key.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IssuedScopedKeyAnswer(string Secret, ScopedKeyAnswer Key);
