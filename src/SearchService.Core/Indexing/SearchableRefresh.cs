using Lucene.Net.Search;

namespace SearchService.Core.Indexing;

/// <summary>
/// Tells <see cref="SearchableWrites"/> which writes each refresh of one index made searchable. The reopen thread takes
/// a generation number (and moves the counter past it) before it refreshes; every write that got a smaller number than
/// the counter shows when the refresh begins had finished before the new reader opened, so it is in that reader. A
/// write made in the instant between is searchable too but told with the next refresh (at most
/// <see cref="SearchIndex.BackgroundRefresh"/> later): never early, never twice.
/// </summary>
internal sealed class SearchableRefresh(IndexGeneration generation, SearchableWrites writes) : ReferenceManager.IRefreshListener
{
    private long upTo;

    public void BeforeRefresh() => upTo = generation.Numbered(generation.Tracking.Generation - 1);

    public void AfterRefresh(bool didRefresh) => writes.SearchableUpTo(upTo);
}
