using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>The query matching a paragraph that has any of a facet's values; a region also matches the places within it.</summary>
internal static class FacetValueQuery
{
    public static Query AnyOf(string facet, IEnumerable<string> values)
    {
        var anyValue = new BooleanQuery();
        foreach (var value in values)
        {
            anyValue.Add(new TermQuery(new Term(facet, value)), Occur.SHOULD);
            if (facet == IndexSchema.Region) // region=Asia: paragraphs about Asia's countries too
                anyValue.Add(new TermQuery(new Term(IndexSchema.RegionScope, value)), Occur.SHOULD);
        }
        return anyValue;
    }
}
