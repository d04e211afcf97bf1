using System.Runtime.ExceptionServices;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>
/// Processes articles on one dedicated thread per core, each thread taking the next article from the reader in turn.
/// Dedicated threads, not the thread pool: a long indexing run must not starve the pool that answers search requests
/// meanwhile. No reading thread with a queue between: on two cores its waits on the full queue spun away most of a
/// core that the workers needed, and reading is a small part of the work.
/// </summary>
public static class ArticlePipeline
{
    public static void Run(IEnumerable<Article> articles, Action<Article> process, CancellationToken cancellation)
    {
        using var reader = articles.GetEnumerator();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ExceptionDispatchInfo? failure = null;
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(n =>
        {
            var thread = new Thread(() =>
            {
                try
                {
                    while (!failed.IsCancellationRequested && Next(reader) is { } article)
                        process(article);
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

        workers.ForEach(t => t.Join());
        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
    }

    private static Article? Next(IEnumerator<Article> reader)
    {
        lock (reader)
            return reader.MoveNext() ? reader.Current : null;
    }
}
