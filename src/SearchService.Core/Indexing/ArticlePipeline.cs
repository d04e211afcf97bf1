using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>
/// Reads articles on the calling thread and processes them on one dedicated thread per core. Dedicated threads,
/// not the thread pool: a long indexing run must not starve the pool that answers search requests meanwhile.
/// </summary>
public static class ArticlePipeline
{
    private const int QueueCapacity = 256;

    public static void Run(IEnumerable<Article> articles, Action<Article> process, CancellationToken cancellation)
    {
        using var queue = new BlockingCollection<Article>(QueueCapacity);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ExceptionDispatchInfo? failure = null;
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(n =>
        {
            var thread = new Thread(() =>
            {
                try
                {
                    foreach (var article in queue.GetConsumingEnumerable(failed.Token))
                        process(article);
                }
                catch (OperationCanceledException) when (failed.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                    failed.Cancel();
                }
            })
            { IsBackground = true, Name = $"Indexing worker {n + 1}" };
            thread.Start();
            return thread;
        }).ToList();

        try
        {
            foreach (var article in articles)
                queue.Add(article, failed.Token);
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
        }
        finally
        {
            queue.CompleteAdding();
            workers.ForEach(t => t.Join());
        }
        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
    }
}
