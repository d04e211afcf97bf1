using System.Runtime.ExceptionServices;
namespace SearchService.Core.Indexing;

/// <summary>
/// Processes articles on one thread per core, each thread taking the next article from the reader in turn and doing
/// all of its work (extraction, documents, the index writer, which takes documents from several threads at once): the
/// calling thread and dedicated threads beside it. Dedicated threads, not the thread pool: a long indexing run must
/// not starve the pool that answers search requests meanwhile. They start only once a second article is read: starting
/// one took longer than indexing an article, and a corpus of one article a file spent most of its pass starting them.
/// No reading thread with a queue between: on two cores its waits on the full queue spun away most of a core that the
/// workers needed, and reading is a small part of the work (3% of a pass, profiled).
/// Articles with the same id are processed in reading order, one at a time: the later one is handed to the thread
/// processing the earlier, which takes it next, so the last one read is the one written last. An article is whatever
/// the caller reads (<typeparamref name="T"/>: an article with the file it came from, say), known by its id.
/// </summary>
public static class ArticlePipeline
{
    /// <param name="idOf">The id of an article.</param>
    /// <param name="threads">How many threads process articles, the calling thread among them; null: one per core.</param>
    public static void Run<T>(IEnumerable<T> articles, Func<T, string> idOf, Action<T> process, CancellationToken cancellation, int? threads = null)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads ?? 1, 1, nameof(threads));
        using var reader = articles.GetEnumerator();
        var handOut = new OrderedHandOut<T>(reader, idOf);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ExceptionDispatchInfo? failure = null;

        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            failed.Cancel();
        }

        // Processes the articles already handed to it, then takes the next until none is left or something failed. An
        // article handed out was read before any failure: it is processed even when another thread's read or work has
        // failed meanwhile (only the caller's cancellation drops it), and no more are taken.
        void Work(params T?[] handed)
        {
            try
            {
                foreach (var taken in handed)
                    ProcessWithLaterVersions(taken);
                while (!failed.IsCancellationRequested && handOut.Next() is { } next)
                    ProcessWithLaterVersions(next);
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }

        void ProcessWithLaterVersions(T? taken)
        {
            for (var article = taken; article is not null && !cancellation.IsCancellationRequested; article = handOut.Done(article))
                process(article);
        }

        T? first = null, second = null;
        try
        {
            first = handOut.Next();
            second = first is null ? null : handOut.Next();
        }
        catch (Exception e)
        {
            Fail(e);
        }
        var others = second is null || threads == 1 ? [] : Enumerable.Range(1, (threads ?? Environment.ProcessorCount) - 1).Select(n =>
        {
            var given = n == 1 ? second : null;
            var thread = new Thread(() => Work(given)) { IsBackground = true, Name = $"Indexing worker {n + 1}" };
            thread.Start();
            return thread;
        }).ToList();
        if (others.Count > 0)
            Work(first);
        else
            Work(first, second);

        others.ForEach(t => t.Join());
        failure?.Throw();
        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Hands out the reader's articles one at a time. An article whose id is being processed is not handed out but
    /// queued behind it, for the thread processing that id (<see cref="Done"/>).
    /// </summary>
    private sealed class OrderedHandOut<T>(IEnumerator<T> reader, Func<T, string> idOf)
        where T : class
    {
        // Ids being processed → the articles with that id read since, in reading order (null: none).
        private readonly Dictionary<string, Queue<T>?> inFlight = new(StringComparer.Ordinal);

        public T? Next()
        {
            lock (inFlight)
            {
                while (reader.MoveNext())
                {
                    var article = reader.Current;
                    var id = idOf(article);
                    if (!inFlight.TryGetValue(id, out var queued))
                    {
                        inFlight.Add(id, null);
                        return article;
                    }
                    (queued ?? (inFlight[id] = new Queue<T>())).Enqueue(article);
                }
                return null;
            }
        }

        /// <summary>The next article with <paramref name="done"/>'s id, read while it was processed; null when none (the id is free again).</summary>
        public T? Done(T done)
        {
            lock (inFlight)
            {
                var id = idOf(done);
                if (inFlight[id] is { Count: > 0 } queued)
                    return queued.Dequeue();
                inFlight.Remove(id);
                return null;
            }
        }
    }
}
