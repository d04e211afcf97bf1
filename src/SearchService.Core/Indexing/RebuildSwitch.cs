using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Core.Indexing;

/// <summary>
/// The rebuild under way, if any, and the switch to it: a rebuild is written into a generation folder of its own
/// (<see cref="IndexLayout"/>); the switch commits it, opens it for searching and renames the pointer file to name it,
/// which is the switch for a restart too. <see cref="SearchIndex"/> calls every method here while it holds writes back,
/// so nothing here locks.
/// </summary>
internal sealed class RebuildSwitch(IndexLayout layout, Func<string, LuceneDirectory> openDirectory, ILogger logger)
{
    /// <summary>The rebuild under way, which API writes reach too; null when none is.</summary>
    public IndexRebuild? UnderWay { get; private set; }

    /// <summary>Starts a rebuild holding the journal up to <paramref name="journalApplied"/> (it replays that much itself).</summary>
    /// <param name="statementSearchers">Makes the searchers of the rebuild's statements (<see cref="Quotes.StatementIndex"/>).</param>
    public IndexRebuild Begin(IndexWriterConfig config, long journalApplied, SearcherProvider statementSearchers)
    {
        if (UnderWay is not null)
            throw new InvalidOperationException("A rebuild is already under way.");
        var folder = layout.CreateNextGeneration();
        LuceneDirectory directory, statementDirectory;
        try
        {
            directory = openDirectory(folder);
        }
        catch
        {
            layout.Remove(folder);
            throw;
        }
        try
        {
            statementDirectory = openDirectory(Path.Combine(folder, Quotes.StatementIndex.FolderName));
        }
        catch
        {
            directory.Dispose();
            layout.Remove(folder);
            throw;
        }
        return UnderWay = new IndexRebuild(folder, directory, statementDirectory, config, journalApplied, statementSearchers);
    }

    /// <summary>
    /// Commits <paramref name="completed"/>, opens it for searching and points the folder at it; returns the generation
    /// that replaces <paramref name="previous"/>, which is retired (its last search closes it and removes its files).
    /// If anything before the rename fails, <paramref name="previous"/> stays live, untouched, and the exception is thrown.
    /// The commit also records what <paramref name="unmatched"/> lists as not yet matched by alerts, as every commit of
    /// the live index does: a crash before the next commit would otherwise lose it.
    /// </summary>
    public IndexGeneration Complete(
        IndexRebuild completed, IndexGeneration previous, SearcherProvider searchers, TimeSpan backgroundRefresh, SearchableWrites unmatched)
    {
        if (!ReferenceEquals(UnderWay, completed))
            throw new InvalidOperationException("This rebuild is not the one under way.");
        completed.CommitForSwitch(CommitScheduler.CommitData([completed.FileStamps, completed.Journal, SchemaVersionStamp.Instance, unmatched]));
        var next = completed.OpenGeneration(previous.LatestGeneration, searchers, backgroundRefresh);
        var previousRemovable = true;
        try
        {
            layout.SwitchTo(next.Folder);
        }
        catch (PointerNotFlushedException e)
        {
            // A crash may yet bring the previous index back: its files stay until the next start removes them.
            logger.LogError(e, "Switched to the rebuilt index in {Folder}, but flushing the switch failed", next.Folder);
            previousRemovable = false;
        }
        catch
        {
            next.Retire(() => { });
            throw;
        }
        completed.MarkSwitchedIn();
        UnderWay = null;
        previous.Retire(() => RemoveRetired(previous.Folder, previousRemovable));
        logger.LogInformation("Switched to the rebuilt index in {Folder}", next.Folder);
        return next;
    }

    /// <summary>Ends a rebuild that will not be switched to (it failed or was cancelled).</summary>
    public void Abandon(IndexRebuild abandoned)
    {
        if (ReferenceEquals(UnderWay, abandoned))
            UnderWay = null;
    }

    /// <summary>Runs on the thread of the last search to leave the retired index, which must not fail for it.</summary>
    private void RemoveRetired(string folder, bool removable)
    {
        if (!removable)
            return;
        try
        {
            layout.Remove(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Removing the previous index in {Folder} failed; the next start removes it", folder);
        }
    }
}
