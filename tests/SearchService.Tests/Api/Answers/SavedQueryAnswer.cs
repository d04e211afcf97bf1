using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>The query of an alert in the JSON of <c>/alerts</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SavedQueryAnswer(
    string Q, string Syntax, List<string>? Region, List<string>? Topic, List<string>? Speaker, DateTimeOffset? From, DateTimeOffset? To);
