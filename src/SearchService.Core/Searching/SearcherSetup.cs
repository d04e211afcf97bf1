using Lucene.Net.Index;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>What the search side asks of the index's searchers: a time budget on each search, and facet ordinals ready before searches get a reader.</summary>
public static class SearcherSetup
{
    /// <summary>A <see cref="SearcherProvider"/> for an index searched with this time budget per search.</summary>
    public static SearcherProvider Create(TimeSpan queryBudget) => Budgeted(queryBudget).AddWarmer(WarmFacetOrdinals);

    /// <summary>Searchers that stop a search past <paramref name="queryBudget"/>, and nothing more (a shard copy's).</summary>
    public static SearcherProvider Budgeted(TimeSpan queryBudget) => new SearcherProvider()
        .UseSearchers(reader => new BudgetedIndexSearcher(reader, queryBudget));

    /// <summary>
    /// Builds the in-memory facet ordinals of the index as searches see it now, on this thread (they are otherwise built
    /// in the background after each reopen, and searches count from the doc values until then).
    /// </summary>
    public static void PrepareFacetCounting(SearchIndex index) =>
        index.Search(searcher => SegmentOrdinals.Build(searcher.IndexReader, FacetOrdinals.CountedFields));

    private static void WarmFacetOrdinals(IndexReader reader, bool firstReader)
    {
        FacetOrdinals.Warm(reader);
        // The first reader opens during start-up, whose CPU building the in-memory ordinals would take (seconds on a
        // large index); SearchWarmUp builds them once it has run. Later readers follow index changes.
        if (!firstReader)
            SegmentOrdinals.BuildInBackground(reader, FacetOrdinals.CountedFields);
    }
}
