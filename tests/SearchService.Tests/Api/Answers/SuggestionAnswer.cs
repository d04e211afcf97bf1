using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>One completion of <c>GET /suggest</c>. Complete: text, kind and count are all it is, so an unknown member fails.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SuggestionAnswer(string Text, string Kind, int Count);
