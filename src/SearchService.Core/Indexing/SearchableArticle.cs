using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>An article written to the live index with the facets it was indexed with, once searches can find it.</summary>
public sealed record SearchableArticle(Article Article, ArticleFacets Facets);
