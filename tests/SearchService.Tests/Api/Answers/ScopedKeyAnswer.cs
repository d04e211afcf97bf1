using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A scoped key as <c>POST /keys</c> and <c>GET /keys</c> show it. Closed: a secret slipping in would fail.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScopedKeyAnswer(
    string Id,
    string? Description,
    ScopedKeyFiltersAnswer Filters,
    List<string> Origins,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
