using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Cluster.Storage;

/// <summary>
/// One change read from the article log: the article as written at <paramref name="Version"/>, or, when
/// <paramref name="Article"/> is null, the deletion of <paramref name="Id"/> at that version.
/// </summary>
/// <param name="Facets">The facets extracted when the article was written; null for a deletion, and for an article
/// written before the log stored facets (the reader extracts them).</param>
public sealed record ArticleChange(long Version, string Id, Article? Article, ArticleFacets? Facets = null);
