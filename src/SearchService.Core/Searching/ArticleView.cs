namespace SearchService.Core.Searching;

/// <summary>A whole article as indexed: metadata, article-level facets and every paragraph in order.</summary>
public sealed record ArticleView(
    string Id,
    string Title,
    DateTimeOffset? Date,
    string? Byline,
    string? Dateline,
    string? Source,
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker,
    IReadOnlyList<ArticleParagraph> Paragraphs);
