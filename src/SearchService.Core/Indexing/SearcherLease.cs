using Lucene.Net.Search;

namespace SearchService.Core.Indexing;

/// <summary>
/// A searcher held beyond one call (<see cref="SearchIndex.LeaseSearcher"/>), for a search made of several calls whose
/// document numbers must stay valid from one to the next, as a shard's phases in a sharded search. Disposing it
/// releases the searcher, and the index it reads if a rebuild has replaced it meanwhile.
/// </summary>
public sealed class SearcherLease : IDisposable
{
    private Action? release;

    internal SearcherLease(IndexSearcher searcher, Action release)
    {
        Searcher = searcher;
        this.release = release;
    }

    public IndexSearcher Searcher { get; }

    public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
}
