using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>One new paragraph in an alert's notice.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AlertHitAnswer(
    string ArticleId, int Paragraph, string Title, string Snippet, DateTimeOffset? Date, List<string> Region, List<string> Topic, List<string> Speaker);
