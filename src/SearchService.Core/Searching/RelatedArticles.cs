namespace SearchService.Core.Searching;

/// <summary>The articles most like one article, best first.</summary>
/// <param name="By">How they were found: <see cref="RelatedBy.Words"/> when meaning was asked for but the model is off.</param>
public sealed record RelatedArticles(string ArticleId, RelatedBy By, IReadOnlyList<RelatedArticle> Hits, double TookMs);
