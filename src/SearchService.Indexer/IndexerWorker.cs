using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Indexer;

/// <summary>
/// Keeps the index in line with the corpus folder: one full pass at start-up (unchanged files are skipped),
/// then every change the file system reports triggers another pass over what changed. The host's start-up runs it once
/// the index is open. It ends when a commit of the index fails (the index then takes no writes until a restart).
/// </summary>
public sealed class IndexerWorker(
    CorpusIndexer indexer, SearchIndex index, IOptions<SearchOptions> options, ILogger<IndexerWorker> logger)
{
    /// <summary>Changes arriving within this window are handled together (an editor's save is several events).</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    /// <summary>Runs the first pass, then a pass after each change, until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var corpus = new CorpusFolder(options.Value.CorpusPath);
        Directory.CreateDirectory(corpus.Root);
        var changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        using var watcher = Watch(corpus.Root, changes.Writer);

        try
        {
            await Task.Run(() => indexer.Synchronize(corpus, new ProgressLog(logger, LogEvery), stoppingToken), stoppingToken);
            index.Commit();
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Debounce, stoppingToken);
                while (changes.Reader.TryRead(out _))
                {
                }
                // A pass only re-reads files whose size or time stamp changed, so it is cheap; and it covers
                // renames, deleted folders and overflowing watcher buffers the same way.
                await Task.Run(() => indexer.Synchronize(corpus, null, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (IOException e) when (index.WritesStopped)
        {
            // The index refuses writes until a restart (readiness says so) but still answers searches: ending the
            // passes here keeps the service up, where a thrown exception would stop the whole host.
            logger.LogCritical(e, "Indexing {CorpusPath} stopped: a commit of the index failed, and it takes no writes until the service restarts",
                corpus.Root);
        }
    }

    private FileSystemWatcher Watch(string root, ChannelWriter<string> changes)
    {
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, e) => changes.TryWrite(e.FullPath);
        watcher.Created += changed;
        watcher.Changed += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => changes.TryWrite(e.FullPath);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "The corpus folder watcher lost events; rescanning {CorpusPath}", root);
            changes.TryWrite(root);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Logs indexing progress at most every so often.</summary>
    private sealed class ProgressLog(ILogger logger, TimeSpan every) : IProgress<IndexingProgress>
    {
        private DateTime next = DateTime.UtcNow + every;

        public void Report(IndexingProgress value)
        {
            if (DateTime.UtcNow < next)
                return;
            next = DateTime.UtcNow + every;
            logger.LogInformation(
                "Indexing {Percent:P0}: {FilesDone}/{FilesTotal} files, {Paragraphs} paragraphs, {Rate:F0} paragraphs/s",
                value.Fraction, value.FilesDone, value.FilesTotal, value.Paragraphs, value.ParagraphsPerSecond);
        }
    }
}
