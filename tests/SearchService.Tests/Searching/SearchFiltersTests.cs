using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>Facet filters narrow the matches, keep their scores, and each facet is counted without its own filter.</summary>
public sealed class SearchFiltersTests : IDisposable
{
    private static readonly Query Cocoa = new TermQuery(new Term(IndexSchema.Text, "cocoa"));

    private readonly TestIndex index = new TestIndex()
        .Add(new Article("ghana", "West Africa", ["Cocoa farmers in Ghana expect a large harvest."]),
            FacetsOf(region: ["Ghana"], topic: ["Agriculture"]))
        .Add(new Article("brazil", "Markets", ["Cocoa and coffee prices rose in Brazil."]),
            FacetsOf(region: ["Brazil"], topic: ["Agriculture"]))
        .Add(new Article("ivory", "Markets", ["Cocoa exports from the Ivory Coast fell."]),
            FacetsOf(region: ["Ivory Coast"], topic: ["Trade"]));

    private Dictionary<string, float> Matches(Query query) => index.Index.Search(searcher =>
        searcher.Search(query, 10).ScoreDocs.ToDictionary(d => StoredHitVisitor.Read(searcher, d.Doc).ArticleId, d => d.Score));

    [Fact]
    public void A_filter_narrows_the_matches_without_changing_their_scores()
    {
        var unfiltered = Matches(Cocoa);

        var filtered = Matches(new SearchFilters(Cocoa, new SearchRequest("cocoa", Region: ["Ghana", "Brazil"])).All);

        Assert.Equal(["brazil", "ghana"], filtered.Keys.Order());
        Assert.All(filtered, hit => Assert.Equal(unfiltered[hit.Key], hit.Value));
    }

    [Fact]
    public void A_facet_is_counted_without_its_own_filter_but_with_the_others()
    {
        var filters = new SearchFilters(Cocoa, new SearchRequest("cocoa", Region: ["Ghana"], Topic: ["Agriculture"]));

        Assert.Equal(["brazil", "ghana"], Matches(filters.Except(IndexSchema.Region)).Keys.Order());
        Assert.Equal(["ghana"], Matches(filters.Except(IndexSchema.Topic)).Keys);
    }

    [Fact]
    public void The_facets_without_a_filter_are_told_apart_from_the_filtered_ones()
    {
        var filters = new SearchFilters(Cocoa, new SearchRequest("cocoa", Topic: ["Trade"]));

        Assert.Equal([IndexSchema.Topic], filters.Filtered);
        Assert.Equal([IndexSchema.Region, IndexSchema.Speaker], filters.Unfiltered);
    }

    public void Dispose() => index.Dispose();
}
