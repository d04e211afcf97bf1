namespace SearchService.Core.Alerts;

/// <summary>A new paragraph that matches an alert: where it is, its headline, a highlighted snippet (HTML-safe, as in <c>/search</c>) and its facets.</summary>
public sealed record AlertHit(
    string ArticleId,
    int Paragraph,
    string Title,
    string Snippet,
    DateTimeOffset? Date,
    IReadOnlyList<string> Region,
    IReadOnlyList<string> Topic,
    IReadOnlyList<string> Speaker);
