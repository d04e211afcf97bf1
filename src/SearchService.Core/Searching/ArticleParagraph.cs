namespace SearchService.Core.Searching;

/// <summary>A paragraph of a whole-article view, with its own facets.</summary>
public sealed record ArticleParagraph(
    string Id, int Paragraph, string Text, IReadOnlyList<string> Region, IReadOnlyList<string> Topic, IReadOnlyList<string> Speaker);
