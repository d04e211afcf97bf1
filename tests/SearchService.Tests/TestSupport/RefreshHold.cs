using Lucene.Net.Index;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// A searcher warmer (<c>SearcherProvider.AddWarmer</c>) that, while held, keeps every new reader of the index from
/// searches, so no write becomes searchable, until released. Bounded, so a test that fails before releasing does not
/// hang the index.
/// </summary>
public sealed class RefreshHold
{
    private readonly ManualResetEventSlim released = new(initialState: true);

    public void Hold() => released.Reset();

    public void Release() => released.Set();

    public void Warm(IndexReader reader, bool first) => released.Wait(TestIndex.SearchableWithin);
}
