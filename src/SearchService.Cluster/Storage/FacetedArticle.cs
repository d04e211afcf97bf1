using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Cluster.Storage;

/// <summary>An article to write into the log with the facets extracted from it, which the log stores beside it.</summary>
public sealed record FacetedArticle(Article Article, ArticleFacets Facets);
