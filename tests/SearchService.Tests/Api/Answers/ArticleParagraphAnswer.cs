using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A paragraph of <c>GET /articles/{id}</c>. Complete: its id, number, text and facets, so an unknown member fails.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ArticleParagraphAnswer(string Id, int Paragraph, string Text, List<string> Region, List<string> Topic, List<string> Speaker);
