using SearchService.Core.Searching;

namespace SearchService.Api.Backends;

/// <summary>Searches this process's index: the single-process service.</summary>
public sealed class LocalSearchBackend(ParagraphSearcher searcher, Suggester suggester, CursorPaging paging, MatchExport export) : ISearchBackend
{
    public bool CanRerankSemantically => searcher.CanRerankSemantically;

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellation) => Task.FromResult(paging.Search(request));

    // Every write this node acknowledged is already searchable here (JournalProtocol.AcknowledgeAsync): no floor to wait for.
    public async Task<(T Result, long? Version)> ReadAtAsync<T>(long minVersion, Func<Task<T>> read, CancellationToken cancellation) =>
        (await read(), null);

    // The index is read on the writer's thread as it writes: nothing here waits on another process.
    public Task<IAsyncEnumerable<ExportedHit>> ExportAsync(SearchRequest request, CancellationToken cancellation) =>
        Task.FromResult(export.Export(request).ToAsyncEnumerable());

    public Task<IReadOnlyList<FacetValue>> FacetValuesAsync(SearchRequest request, string facet, string prefix, int size, CancellationToken cancellation) =>
        Task.FromResult(searcher.FacetValues(request, facet, prefix, size));

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(string typed, int size, SearchScope? scope, CancellationToken cancellation) =>
        Task.FromResult(suggester.Suggest(typed, size, scope));
}
