using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>One statement of <c>GET /quotes</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record QuoteHitAnswer(string Text, string Speaker, string Verb, string ArticleId, string Title, int Paragraph, string? Date, float? Score);
