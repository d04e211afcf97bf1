using System.Collections.Concurrent;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>What the indexer is doing and what it had to skip; read by <c>/health</c>. Thread-safe.</summary>
public sealed class IndexingStatus
{
    private readonly ConcurrentDictionary<string, CorpusProblem> skippedFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> skippedLinesByFile = new(StringComparer.Ordinal);
    private int runsInProgress;
    private long lastCompletedTicks;
    private long runningSinceTicks;
    private readonly TaskCompletionSource firstRunEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True until the first full pass over the corpus has finished, and while any later pass runs.</summary>
    public bool IsIndexing => Volatile.Read(ref runsInProgress) > 0 || LastCompleted is null;

    /// <summary>Completes once the first pass over the corpus (or rebuild) has ended, for work that waits for it.</summary>
    public Task FirstRunEnded => firstRunEnded.Task;

    public DateTimeOffset? LastCompleted =>
        Interlocked.Read(ref lastCompletedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Corpus files that could not be read at all, with the reason.</summary>
    public IReadOnlyCollection<CorpusProblem> SkippedFiles => skippedFiles.Values.ToList();

    /// <summary>Lines of line-oriented files (.jsonl) that were skipped.</summary>
    public int SkippedLines => skippedLinesByFile.Values.Sum();

    /// <summary>When the pass under way began; null when none runs.</summary>
    public DateTimeOffset? RunningSince =>
        Volatile.Read(ref runsInProgress) > 0 && Interlocked.Read(ref runningSinceTicks) is var ticks and > 0
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    public void BeginRun()
    {
        if (Interlocked.Increment(ref runsInProgress) == 1)
            Interlocked.Exchange(ref runningSinceTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    public void EndRun()
    {
        Interlocked.Exchange(ref lastCompletedTicks, DateTimeOffset.UtcNow.UtcTicks);
        Interlocked.Decrement(ref runsInProgress);
        firstRunEnded.TrySetResult();
    }

    /// <summary>A file is about to be (re)read: forget what was wrong with its previous version.</summary>
    public void ClearFile(string relativePath)
    {
        skippedFiles.TryRemove(relativePath, out _);
        skippedLinesByFile.TryRemove(relativePath, out _);
    }

    public void Report(CorpusProblem problem)
    {
        if (problem.Line is null)
            skippedFiles[problem.File] = problem;
        else
            skippedLinesByFile.AddOrUpdate(problem.File, 1, (_, n) => n + 1);
    }
}
