using System.Collections.Concurrent;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Tests.Indexing;

public class ArticlePipelineTests
{
    private static IEnumerable<Article> Articles(int count) =>
        Enumerable.Range(1, count).Select(i => new Article($"a{i}", "Title", ["Body."]));

    [Fact]
    public void Every_article_is_processed_once()
    {
        var seen = new ConcurrentBag<string>();
        ArticlePipeline.Run(Articles(1000), a => a.Id, a => seen.Add(a.Id), CancellationToken.None);
        Assert.Equal(Articles(1000).Select(a => a.Id).Order(), seen.Order());
    }

    [Fact]
    public void A_single_article_is_processed_on_the_calling_thread_with_no_thread_started()
    {
        var processedOn = new ConcurrentBag<int>();
        ArticlePipeline.Run(Articles(1), a => a.Id, _ => processedOn.Add(Environment.CurrentManagedThreadId), CancellationToken.None, threads: 4);
        Assert.Equal([Environment.CurrentManagedThreadId], processedOn);
    }

    [Fact]
    public void Many_articles_are_processed_on_the_calling_thread_and_the_threads_started_beside_it()
    {
        var caller = Environment.CurrentManagedThreadId;
        using var anotherThreadProcessed = new ManualResetEventSlim();
        var processedOn = new ConcurrentDictionary<int, int>();
        ArticlePipeline.Run(Articles(100), a => a.Id, _ =>
        {
            processedOn.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, n) => n + 1);
            if (Environment.CurrentManagedThreadId != caller)
                anotherThreadProcessed.Set();
            else
                Assert.True(anotherThreadProcessed.Wait(TimeSpan.FromSeconds(30)), "no thread beside the caller processed an article");
        }, CancellationToken.None, threads: 2);
        Assert.Equal(100, processedOn.Values.Sum());
        Assert.Equal(2, processedOn.Count);
        Assert.Contains(caller, processedOn.Keys);
    }

    [Fact]
    public void Failure_in_processing_reaches_the_caller_and_stops_the_run()
    {
        var processed = 0;
        var e = Assert.Throws<InvalidOperationException>(() => ArticlePipeline.Run(Articles(100_000), a => a.Id, a =>
        {
            if (Interlocked.Increment(ref processed) == 10)
                throw new InvalidOperationException("disk full");
        }, CancellationToken.None));
        Assert.Equal("disk full", e.Message);
        Assert.True(processed < 100_000);
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        var processed = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => ArticlePipeline.Run(Articles(100_000), a => a.Id, _ =>
        {
            if (Interlocked.Increment(ref processed) == 10)
                cancel.Cancel();
        }, cancel.Token));
        Assert.True(processed < 100_000);
    }

    [Fact]
    public void Failure_while_reading_reaches_the_caller_after_the_articles_read_before_it()
    {
        static IEnumerable<Article> FailingAfter(int count)
        {
            foreach (var article in Articles(count))
                yield return article;
            throw new IOException("disk read error");
        }
        var processed = 0;
        var e = Assert.Throws<IOException>(() => ArticlePipeline.Run(FailingAfter(50), a => a.Id, _ => Interlocked.Increment(ref processed), CancellationToken.None));
        Assert.Equal("disk read error", e.Message);
        Assert.Equal(50, processed);
    }

    [Fact]
    public void Articles_read_before_another_threads_read_fails_are_still_processed()
    {
        // The second version of an article is read while its first is processed, so it waits for the same thread; the
        // read after it fails before that thread is done. Both versions were read before the failure.
        using var readFailed = new ManualResetEventSlim();
        IEnumerable<Article> TwoVersionsThenFailure()
        {
            yield return new Article("a1", "First version", ["Body."]);
            yield return new Article("a1", "Second version", ["Body."]);
            readFailed.Set();
            throw new IOException("disk read error");
        }
        var processed = new ConcurrentQueue<string>();
        Assert.Throws<IOException>(() => ArticlePipeline.Run(TwoVersionsThenFailure(), a => a.Id, a =>
        {
            if (a.Title == "First version")
                Assert.True(readFailed.Wait(TimeSpan.FromSeconds(30)), "the second thread never read on");
            processed.Enqueue(a.Title);
        }, CancellationToken.None, threads: 2));
        Assert.Equal(["First version", "Second version"], processed);
    }
}
