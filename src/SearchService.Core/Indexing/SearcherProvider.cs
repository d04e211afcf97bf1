using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace SearchService.Core.Indexing;

/// <summary>
/// Makes the searcher of each reader the index opens (at start-up, after each reopen, after a rebuild's switch). The
/// search side decides what a searcher is (<see cref="UseSearchers"/>) and what must be ready before searches get a new
/// reader (<see cref="AddWarmer"/>), so the index knows nothing of how searches count or time themselves. Configure it
/// before the index opens: the first reader is opened with it at once.
/// </summary>
public sealed class SearcherProvider : SearcherFactory
{
    /// <summary>The ranking every searcher and writer of the index uses.</summary>
    public static readonly Similarity Ranking = new BM25Similarity();

    private readonly List<Action<IndexReader, bool>> warmers = [];
    private Func<IndexReader, IndexSearcher> createSearcher = reader => new IndexSearcher(reader);
    private bool opened;

    /// <summary>Searchers are made by <paramref name="create"/> (given BM25 ranking afterwards) instead of plain ones.</summary>
    public SearcherProvider UseSearchers(Func<IndexReader, IndexSearcher> create)
    {
        createSearcher = create;
        return this;
    }

    /// <summary>
    /// Runs <paramref name="warm"/> on each new reader before searches get it; its second argument is true for the first
    /// reader this provider opens (during start-up, whose CPU a warmer may rather leave to later).
    /// </summary>
    public SearcherProvider AddWarmer(Action<IndexReader, bool> warm)
    {
        warmers.Add(warm);
        return this;
    }

    /// <summary>
    /// A provider of the same searchers without the warmers: the statement index's, whose searches run under the same
    /// time budget as the paragraphs' but count no paragraph facets.
    /// </summary>
    public SearcherProvider WithoutWarmers() => new() { createSearcher = createSearcher };

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        // Readers are opened one at a time (by the SearcherManager's reopen, or the index's own opening and switch).
        var first = !opened;
        opened = true;
        foreach (var warm in warmers)
            warm(reader, first);
        var searcher = createSearcher(reader);
        searcher.Similarity = Ranking;
        return searcher;
    }
}
