using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Quotes;

public sealed class StatementDocumentsTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void Each_statement_is_found_by_the_regions_enclosing_its_own_regions_only()
    {
        // Region paths are worked out once an article and shared by its statements (and paragraphs): none may leak
        // into a statement of another paragraph.
        var ancestors = TestIndex.RegionAncestors();
        Statement Said(int paragraph, string text, params string[] regions) => new(paragraph, 0, text.Length, text, "Baker", "said", regions, []);
        var facets = new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty, ParagraphFacets.Empty], ancestors,
            Statements: [Said(1, "talks went well", "Pakistan", "India"), Said(2, "prices fell", "Russia"), Said(2, "nothing changed", "Russia")]);
        var article = new Article("a1", "Talks", ["Baker said talks went well.", "Baker said prices fell and nothing changed."]);
        Assert.True(index.Index.WaitForGeneration(index.Index.ReplaceArticle(article, facets, null), TestIndex.SearchableWithin));

        var found = new[] { "Asia", "South Asia", "Pakistan", "India", "Europe", "Russia" }.ToDictionary(region => region, region =>
            index.Index.SearchStatements(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.RegionScope, region)), 10).TotalHits));

        Assert.Equal(new Dictionary<string, int> { ["Asia"] = 1, ["South Asia"] = 1, ["Pakistan"] = 1, ["India"] = 1, ["Europe"] = 2, ["Russia"] = 2 }, found);
    }

    public void Dispose() => index.Dispose();
}
