namespace SearchService.Tests.Api.Answers;

/// <summary>The JSON of <c>GET /articles/{id}/related</c>. Open, like <see cref="SuggestAnswer"/>.</summary>
public sealed record RelatedAnswer(string ArticleId, string By, List<RelatedHitAnswer> Hits, double TookMs);
