using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A scoped key's fixed filters.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScopedKeyFiltersAnswer(
    List<string>? Region,
    List<string>? Topic,
    List<string>? Speaker,
    List<string>? Source,
    string? From,
    string? To,
    Dictionary<string, List<string>>? Fields = null);
