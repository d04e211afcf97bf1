using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>
/// One hit of <c>GET /search</c>. Complete: a hit's fields are exactly the documented ones, so an unknown member fails.
/// <paramref name="Date"/> is the JSON string as sent.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HitAnswer(
    string Id,
    string ArticleId,
    int Paragraph,
    string Title,
    string? Date,
    string? Source,
    double? Score,
    string Snippet,
    string TitleHighlight,
    string Text,
    List<string> Region,
    List<string> Topic,
    List<string> Speaker,
    int? OtherMatches = null,
    ExplanationAnswer? Explanation = null,
    bool? Pinned = null,
    string? Url = null,
    string? Byline = null,
    string? Section = null,
    string? Language = null,
    Dictionary<string, string>? Fields = null);
