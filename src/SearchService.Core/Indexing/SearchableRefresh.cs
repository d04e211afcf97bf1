using Lucene.Net.Search;

namespace SearchService.Core.Indexing;

/// <summary>
/// Tells <see cref="SearchableWrites"/> which writes each refresh of one index made searchable. Just before the new
/// reader opens it takes a generation number and moves the write counter past it: every write that got that number or
/// a smaller one had finished before, so it is in that reader. It does so for every refresh, the reopen thread's and
/// the background timer's alike (the timer's would otherwise tell nothing, as only the reopen thread moves the counter,
/// and a write nobody waits for could be searchable for up to <see cref="IndexGeneration.BulkPassRefresh"/> before it
/// is told). A write finished in the instant between is searchable too but told with the next refresh: never early.
/// Before the reader opens, the observer may hold the refresh back, bounded, to finish its work on the writes it covers.
/// </summary>
internal sealed class SearchableRefresh(IndexGeneration generation, SearchableWrites writes) : ReferenceManager.IRefreshListener
{
    private long upTo;

    public void BeforeRefresh()
    {
        upTo = generation.Numbered(generation.Tracking.GetAndIncrementGeneration());
        writes.BeforeSearchable(upTo);
    }

    public void AfterRefresh(bool didRefresh) => writes.SearchableUpTo(upTo);
}
