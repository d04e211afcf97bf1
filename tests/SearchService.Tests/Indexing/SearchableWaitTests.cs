using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.Facets;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>A wait for a write that says it is searchable means searches find it, whoever else refreshes meanwhile.</summary>
public sealed class SearchableWaitTests : IDisposable
{
    private static readonly ArticleFacets NoFacets = new(ParagraphFacets.Empty, []);

    private readonly TempDirectory folder = new();
    private readonly HeldRefreshes refreshes = new();
    private readonly SearchIndex index;

    public SearchableWaitTests() =>
        index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, new SearcherProvider().AddWarmer(refreshes.Warm), _ => new RAMDirectory());

    [Fact]
    public async Task A_write_waited_for_during_a_merges_refresh_is_found_once_the_wait_returns()
    {
        // Two segments, so that merging them opens a new reader.
        Assert.True(index.WaitForGeneration(index.ReplaceArticle(NewsArticles.Cocoa("cocoa-1"), NoFacets, null), TestIndex.SearchableWithin));
        Assert.True(index.WaitForGeneration(index.ReplaceArticle(NewsArticles.Cocoa("cocoa-2"), NoFacets, null), TestIndex.SearchableWithin));
        var mergeRefresh = refreshes.HoldNext();
        var merge = Task.Run(index.MergeDown);
        await mergeRefresh.Entered.WaitAsync(TestIndex.SearchableWithin);

        // Written after the merge's reader opened, while that reader is not yet given to searches.
        var generation = index.ReplaceArticle(NewsArticles.Cocoa("cocoa-3"), NoFacets, null);
        var waited = Task.Run(() => index.WaitForGeneration(generation, TestIndex.SearchableWithin) && Searchable("cocoa-3"));
        await ReopenThreadCounted(generation);
        // The next refresh (the one that can hold the write) waits until the waiter has searched, or a second.
        var nextRefresh = refreshes.HoldNext();
        _ = waited.ContinueWith(_ => nextRefresh.Release(), TaskScheduler.Default);
        _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => nextRefresh.Release(), TaskScheduler.Default);
        mergeRefresh.Release();

        Assert.True(await waited.WaitAsync(TestIndex.SearchableWithin), "The wait said the write was searchable before searches found it.");
        await merge.WaitAsync(TestIndex.SearchableWithin);
    }

    [Fact]
    public async Task An_articles_statements_are_found_once_a_wait_for_its_write_returns()
    {
        // Lucene.Net runs a reader manager's refresh listeners in no fixed order: several fresh indexes, so that a
        // statements' refresh ordered after the one that tells waiters would show in one of them.
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var otherFolder = new TempDirectory();
            using var other = new SearchIndex(otherFolder.Path, NullLogger<SearchIndex>.Instance, null, _ => new RAMDirectory());
            var article = SeedArticle.Article with { Id = $"seed-{attempt}" };
            var generation = other.ReplaceArticle(article, WritableIndex.Extractor.Extract(article), null);
            // The statements' refresh is held until the waiter has looked (or half a second), so that a waiter told
            // before it finds the statements missing.
            var waited = Task.Run(() => other.WaitForGeneration(generation, TestIndex.SearchableWithin) &&
                                        other.SearchStatements(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, article.Id)), 1).TotalHits) > 0);
            using var held = new HeldStatementRefresh(waited);
            other.LiveStatements.Searchers.AddListener(held);

            Assert.True(await waited.WaitAsync(TestIndex.SearchableWithin), $"attempt {attempt}: the wait returned before the article's statements were searchable");
        }
    }

    // The waiter wakes the reopen thread, which counts the write's generation as the one its next refresh shows (moving
    // the counter past it) and waits its turn behind the refresh under way. Bounded: when the refresh under way is the
    // reopen thread's own, nothing moves the counter.
    private async Task ReopenThreadCounted(long generation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (index.LatestGeneration <= generation && DateTime.UtcNow < deadline)
            await Task.Delay(10);
    }

    private bool Searchable(string id) =>
        index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, id)), 1).TotalHits > 0);

    public void Dispose()
    {
        index.Dispose();
        folder.Dispose();
    }

    /// <summary>Holds each refresh of the statements until the waiter has looked, or half a second.</summary>
    private sealed class HeldStatementRefresh(Task waiter) : ReferenceManager.IRefreshListener, IDisposable
    {
        private readonly CancellationTokenSource disposed = new();

        public void BeforeRefresh()
        {
            try
            {
                waiter.Wait(TimeSpan.FromMilliseconds(500), disposed.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        public void AfterRefresh(bool didRefresh)
        {
        }

        public void Dispose() => disposed.Cancel();
    }

    /// <summary>A warmer that holds the next new reader, once asked to, before searches get it.</summary>
    private sealed class HeldRefreshes
    {
        private Hold? next;

        public Hold HoldNext()
        {
            var hold = new Hold();
            Volatile.Write(ref next, hold);
            return hold;
        }

        public void Warm(IndexReader reader, bool first) => Interlocked.Exchange(ref next, null)?.Wait();
    }

    private sealed class Hold
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim released = new();

        public Task Entered => entered.Task;

        public void Release() => released.Set();

        public void Wait()
        {
            entered.TrySetResult();
            released.Wait(TestIndex.SearchableWithin);
        }
    }
}
