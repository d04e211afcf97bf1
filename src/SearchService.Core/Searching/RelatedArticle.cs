namespace SearchService.Core.Searching;

/// <summary>One article related to another: its headline and date, and its paragraph most like the other article.</summary>
/// <param name="Paragraph">The number (from 1) of the paragraph most like the other article.</param>
/// <param name="Snippet">That paragraph, HTML-encoded.</param>
/// <param name="Score">The words' score (MoreLikeThis) of that paragraph.</param>
/// <param name="Similarity">The cosine similarity of the two articles' headline and lead by meaning; null when meaning was not asked.</param>
public sealed record RelatedArticle(
    string ArticleId,
    string Title,
    DateTimeOffset? Date,
    string? Source,
    int Paragraph,
    string Snippet,
    float Score,
    double? Similarity);
