using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

public sealed class ParagraphDocumentsTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void Each_paragraph_keeps_its_own_facet_values_when_paragraphs_have_different_numbers_of_them()
    {
        // Exact-term fields are reused from one paragraph document to the next: none may leak into the next paragraph.
        index.Add(new Article("a1", "Talks", ["Kabul and Islamabad met.", "Moscow watched.", "Nobody else came."]),
            TestIndex.FacetsOf(region: ["Afghanistan", "Pakistan"], speaker: ["Foreign Office"]),
            TestIndex.FacetsOf(region: ["Russia"]),
            TestIndex.FacetsOf());
        var searcher = new ParagraphSearcher(index.Index);

        var hits = searcher.Search(new SearchRequest(null, PageSize: 10)).Hits.OrderBy(h => h.Paragraph).ToList();

        Assert.Equal([["Afghanistan", "Pakistan"], ["Russia"], []], hits.Select(h => h.Region.Order().ToArray()));
        Assert.Equal([["Foreign Office"], [], []], hits.Select(h => h.Speaker.ToArray()));
        Assert.Equal(["a1#1", "a1#2", "a1#3"], hits.Select(h => h.Id));
    }

    [Fact]
    public void A_region_filter_finds_only_the_paragraphs_that_carry_the_region()
    {
        index.Add(new Article("a1", "Talks", ["Kabul and Islamabad met.", "Moscow watched."]),
            TestIndex.FacetsOf(region: ["Afghanistan", "Pakistan"]),
            TestIndex.FacetsOf(region: ["Russia"]));
        index.Add(new Article("a2", "More talks", ["Islamabad again."]), TestIndex.FacetsOf(region: ["Pakistan"]));
        var searcher = new ParagraphSearcher(index.Index);

        var hits = searcher.Search(new SearchRequest(null, Region: ["Pakistan"], PageSize: 10)).Hits;

        Assert.Equal(["a1#1", "a2#1"], hits.Select(h => h.Id).Order());
    }

    public void Dispose() => index.Dispose();
}
