namespace SearchService.Tests.Api.Answers;

/// <summary>One related article in <see cref="RelatedAnswer"/>.</summary>
public sealed record RelatedHitAnswer(
    string ArticleId, string Title, DateTimeOffset? Date, string? Source, int Paragraph, string Snippet, float Score, double? Similarity);
