using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>Runs at most one rebuild at a time in the background, for the API's <c>POST /index/_rebuild</c>.</summary>
public sealed class RebuildRunner(
    CorpusIndexer indexer, JournalProtocol journal, IndexingStatus status, IOptions<SearchOptions> options, ILogger<RebuildRunner> logger)
{
    private readonly System.Threading.Lock gate = new();
    private Task? current;

    public bool IsRunning
    {
        get { lock (gate) return current is { IsCompleted: false }; }
    }

    /// <summary>Starts a rebuild; null when one is already running.</summary>
    public Task? TryStart()
    {
        lock (gate)
        {
            if (current is { IsCompleted: false })
                return null;
            // Counted as indexing from the moment it is accepted, so /health never says "ready" before it ran.
            status.BeginRun();
            return current = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void Run()
    {
        try
        {
            indexer.Rebuild(new CorpusFolder(options.Value.CorpusPath), journal.ReplayInto, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            // CorpusIndexer.Rebuild throws only before the switch, which leaves the live index as it was.
            logger.LogError(e, "Rebuilding the index failed; the previous index is still serving, with every write made meanwhile");
        }
        finally
        {
            status.EndRun();
        }
    }
}
