using SearchService.Core.Corpus;

namespace SearchService.Core.Facets;

/// <summary>
/// Extracts region, topic and speaker facets. Works on a whole article because paragraphs depend on
/// each other: the dateline gives a region, and "it added" refers to a speaker named earlier.
/// Implementations are thread-safe.
/// </summary>
public interface IFacetExtractor
{
    ArticleFacets Extract(Article article);
}
