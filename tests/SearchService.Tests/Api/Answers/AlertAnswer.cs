using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>An alert in the JSON of <c>/alerts</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AlertAnswer(string Id, DateTimeOffset Created, SavedQueryAnswer Query, string? Webhook);
