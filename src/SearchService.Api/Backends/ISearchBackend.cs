using SearchService.Core.Searching;

namespace SearchService.Api.Backends;

/// <summary>
/// Where <c>/search</c>, <c>/facets/{name}</c>, <c>/export</c> and <c>/suggest</c> are answered: this process's index
/// (<see cref="LocalSearchBackend"/>) or, in cluster mode, the shards of the cluster (<c>Cluster/ClusterSearchBackend</c>).
/// Both answer a request the same way.
/// </summary>
public interface ISearchBackend
{
    /// <summary>Whether requests may ask for re-ranking by meaning.</summary>
    bool CanRerankSemantically { get; }

    /// <inheritdoc cref="CursorPaging.Search"/>
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellation);

    /// <summary>
    /// Runs <paramref name="read"/> (a search, facet values, an export's first page, related articles) at no older a
    /// version of the article log than <paramref name="minVersion"/> (a token another node gave), and gives the version
    /// to hand the client as its token: at least the highest its shards answered at. Null on a single node, which has no
    /// such versions and answers a write only once it is searchable.
    /// </summary>
    Task<(T Result, long? Version)> ReadAtAsync<T>(long minVersion, Func<Task<T>> read, CancellationToken cancellation);

    /// <summary>
    /// Every match of <paramref name="request"/> (<see cref="MatchExport.Export"/>): a bad query fails before this
    /// returns; enumerate the answer to its end or dispose it, which releases what it reads.
    /// </summary>
    /// <param name="cancellation">Stops the export, between two matches or while it waits for the shards.</param>
    Task<IAsyncEnumerable<ExportedHit>> ExportAsync(SearchRequest request, CancellationToken cancellation);

    /// <inheritdoc cref="ParagraphSearcher.FacetValues"/>
    Task<IReadOnlyList<FacetValue>> FacetValuesAsync(SearchRequest request, string facet, string prefix, int size, CancellationToken cancellation);

    /// <inheritdoc cref="Suggester.Suggest"/>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(string typed, int size, SearchScope? scope, CancellationToken cancellation);
}
