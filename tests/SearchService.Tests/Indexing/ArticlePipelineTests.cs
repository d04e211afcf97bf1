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
        ArticlePipeline.Run(Articles(1000), a => seen.Add(a.Id), CancellationToken.None);
        Assert.Equal(Articles(1000).Select(a => a.Id).Order(), seen.Order());
    }

    [Fact]
    public void Failure_in_processing_reaches_the_caller_and_stops_the_run()
    {
        var processed = 0;
        var e = Assert.Throws<InvalidOperationException>(() => ArticlePipeline.Run(Articles(100_000), a =>
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
        Assert.ThrowsAny<OperationCanceledException>(() => ArticlePipeline.Run(Articles(100_000), _ =>
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
        var e = Assert.Throws<IOException>(() => ArticlePipeline.Run(FailingAfter(50), _ => Interlocked.Increment(ref processed), CancellationToken.None));
        Assert.Equal("disk read error", e.Message);
        Assert.Equal(50, processed);
    }
}
