namespace SearchService.Core.Facets;

/// <summary>Facets of an article: what the article as a whole is about, and each paragraph's own values (same order as the paragraphs).</summary>
public sealed record ArticleFacets(ParagraphFacets Article, IReadOnlyList<ParagraphFacets> Paragraphs);
