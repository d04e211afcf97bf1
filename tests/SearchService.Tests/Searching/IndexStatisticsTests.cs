using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// The index's size (<see cref="ArticleLookup.Statistics"/>, which <c>/health</c> and readiness report) is counted
/// whatever the query time budget: a loaded machine overruns a small budget, and health must still answer.
/// </summary>
public sealed class IndexStatisticsTests
{
    [Fact]
    public void The_live_articles_and_paragraphs_are_counted_when_every_search_is_past_its_budget()
    {
        using var folder = new TempDirectory();
        var searchers = new SearcherProvider().UseSearchers(reader => new OverBudgetSearcher(reader));
        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, searchers, _ => new RAMDirectory());
        foreach (var id in new[] { "wheat-1", "wheat-2", "wheat-3" })
            index.ReplaceArticle(new Article(id, "Wheat", ["Wheat exports rose.", "Prices fell."]), new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty, ParagraphFacets.Empty]), null);
        Assert.True(index.WaitForGeneration(index.DeleteArticle("wheat-2"), TestIndex.SearchableWithin));

        var statistics = new ArticleLookup(index).Statistics();

        Assert.Equal(2, statistics.Articles);
        Assert.Equal(4, statistics.Paragraphs);
    }

    /// <summary>A searcher whose every search runs past its budget, as a 1 ms budget does on a loaded machine.</summary>
    private sealed class OverBudgetSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        protected override void Search(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector) =>
            throw new QueryTimeoutException(TimeSpan.FromMilliseconds(1), new TimeoutException());
    }
}
