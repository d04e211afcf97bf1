using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Brings the index in line with the corpus folder: new and changed files are (re)indexed, unchanged ones
/// skipped, deleted ones removed. Facet extraction runs in parallel; each article is written atomically.
/// Passes and rebuilds run one at a time. An article written or deleted through the API (<paramref name="apiWrites"/>)
/// is left as the API made it. <paramref name="threads"/> articles are processed at once (null: one per core); the index
/// holds the same documents whatever the number.
/// </summary>
public sealed class CorpusIndexer(
    SearchIndex index, IFacetExtractor extractor, IndexingStatus status, ILogger<CorpusIndexer> logger, JournalProtocol? apiWrites = null,
    int? threads = null)
{
    private readonly SemaphoreSlim passGate = new(1, 1);

    /// <summary>A pass that wrote at least this share of the index's paragraphs merges it down afterwards.</summary>
    private const double MergeDownShare = 0.25;

    /// <summary>
    /// Files are written in batches of about this many bytes, each batch's articles on every core as one file's are:
    /// a folder of small files (a newsroom's one article a file) was written a file at a time, on one core.
    /// </summary>
    private const long BatchBytes = 1 << 20;

    /// <summary>
    /// One pass over the whole corpus folder; the index commits on its own schedule (or call <see cref="SearchIndex.Commit"/>).
    /// A pass that wrote a large share of the index then merges it down (<see cref="SearchIndex.MergeDown"/>), after
    /// its changes are searchable and the pass is reported done.
    /// </summary>
    public IndexingProgress Synchronize(CorpusFolder corpus, IProgress<IndexingProgress>? progress, CancellationToken cancellation)
    {
        passGate.Wait(cancellation);
        try
        {
            var summary = SynchronizeFiles(corpus, progress, cancellation);
            MergeDownAfterBulk(summary);
            return summary;
        }
        finally
        {
            passGate.Release();
        }
    }

    private IndexingProgress SynchronizeFiles(CorpusFolder corpus, IProgress<IndexingProgress>? progress, CancellationToken cancellation)
    {
        status.BeginRun();
        try
        {
            var files = corpus.EnumerateFiles().ToList();
            var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            var gone = index.FileStamps.Keys.Where(path => !present.Contains(path)).ToList();
            var changed = files.Where(f => !index.FileStamps.TryGetValue(f.RelativePath, out var stamp) || stamp != f.Stamp).ToList();
            if (gone.Count == 0 && changed.Count == 0)
                return new IndexingProgress(0, 0, 0, 0, 0, 0, TimeSpan.Zero);

            foreach (var path in gone)
                RemoveFile(path);
            logger.LogInformation("Indexing {Changed} new or changed of {Total} corpus files in {CorpusPath}",
                changed.Count, files.Count, corpus.Root);
            var run = new Run(changed.Count, changed.Sum(f => f.Length), progress);
            IndexFiles(index, changed, run, cancellation, FilesWithOlderArticles(changed, cancellation));
            // "Done" means searchable: the next query sees every change of this pass, and its time counts the wait.
            return Searchable(run, cancellation);
        }
        finally
        {
            status.EndRun();
        }
    }

    /// <summary>
    /// The files whose articles of an earlier version the index may hold: those it records, and those it shows articles
    /// of (a pass cut short wrote them, unrecorded). Every earlier write is made searchable first. A file of neither kind
    /// has nothing to delete once written, and deleting by file for each costs a query a file in each segment: about a
    /// tenth of a first pass over 16,000 files of one article.
    /// </summary>
    private IReadOnlySet<string> FilesWithOlderArticles(IReadOnlyList<CorpusFile> files, CancellationToken cancellation)
    {
        WaitUntilSearchable(cancellation);
        var unrecorded = files.Select(f => f.RelativePath).Where(path => !index.FileStamps.ContainsKey(path)).ToList();
        var shown = index.FilesWithArticles(unrecorded);
        return files.Select(f => f.RelativePath).Where(path => index.FileStamps.ContainsKey(path) || shown.Contains(path))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Waits for the pass's writes to be searchable, then gives its figures, its time counting the wait.</summary>
    private IndexingProgress Searchable(Run run, CancellationToken cancellation)
    {
        WaitUntilSearchable(cancellation);
        var summary = run.Snapshot();
        logger.LogInformation("Searchable: {Paragraphs} paragraphs in {Seconds:F1} s since the pass began ({Rate:F0} paragraphs/s)",
            summary.Paragraphs, summary.Elapsed.TotalSeconds, summary.ParagraphsPerSecond);
        return summary;
    }

    /// <summary>
    /// Waits for the pass's writes to be searchable, however long the refresh takes (on a loaded machine, flushing a bulk
    /// pass's buffers took over 30 s, and a pass that ended before reported the service ready while its last articles
    /// and their statements were not yet found); only stopping ends the wait sooner.
    /// </summary>
    private void WaitUntilSearchable(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (!index.WaitUntilSearchable(TimeSpan.FromSeconds(5)) && !cancellation.IsCancellationRequested)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                logger.LogWarning("The pass's last writes are not searchable yet after {Seconds:F0} s", clock.Elapsed.TotalSeconds);
        }
    }

    private void MergeDownAfterBulk(IndexingProgress pass)
    {
        var held = index.Search(searcher => searcher.IndexReader.NumDocs);
        if (pass.Paragraphs == 0 || pass.Paragraphs < held * MergeDownShare)
            return;
        var clock = Stopwatch.StartNew();
        index.MergeDown();
        logger.LogInformation("Merged the index into one segment in {Seconds:F1} s", clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Indexes the whole corpus into a new index beside the live one, lets <paramref name="completeRebuild"/> add
    /// what does not come from the corpus (API writes), then switches to it. Searches use the old index until then.
    /// Throws only when the switch did not happen: the old index still serves, with every write made meanwhile.
    /// </summary>
    public IndexingProgress Rebuild(
        CorpusFolder corpus, Action<IndexRebuild> completeRebuild, IProgress<IndexingProgress>? progress, CancellationToken cancellation)
    {
        passGate.Wait(cancellation);
        status.BeginRun();
        try
        {
            Run run;
            using (var rebuild = index.BeginRebuild())
            {
                try
                {
                    var files = corpus.EnumerateFiles().ToList();
                    logger.LogInformation("Rebuilding the index from {Total} corpus files in {CorpusPath}", files.Count, corpus.Root);
                    run = new Run(files.Count, files.Sum(f => f.Length), progress);
                    IndexFiles(rebuild, files, run, cancellation, withOlderArticles: null);
                    completeRebuild(rebuild);
                    index.CompleteRebuild(rebuild);
                }
                finally
                {
                    index.AbandonRebuild(rebuild);
                }
            }
            var summary = Searchable(run, cancellation);
            MergeDownRebuilt(summary);
            return summary;
        }
        finally
        {
            status.EndRun();
            passGate.Release();
        }
    }

    /// <summary>The rebuilt index serves already; a merge that fails leaves it in more segments, no worse.</summary>
    private void MergeDownRebuilt(IndexingProgress summary)
    {
        try
        {
            MergeDownAfterBulk(summary);
        }
        catch (IOException e)
        {
            logger.LogError(e, "Merging the rebuilt index into one segment failed; it serves as it is");
        }
    }

    /// <summary>Writes the files' articles; logs what was written (not yet searchable: the caller waits for that).</summary>
    /// <param name="withOlderArticles">The files whose articles their new versions no longer hold may be in the target; null: any.</param>
    private void IndexFiles(
        IArticleWriter target, IReadOnlyList<CorpusFile> files, Run run, CancellationToken cancellation, IReadOnlySet<string>? withOlderArticles)
    {
        // Passes and rebuilds run one at a time, so the live index is the same one from here to the end of the pass.
        using var bulk = ReferenceEquals(target, index) ? index.BeginBulkPass() : null;
        foreach (var batch in Batches(files))
        {
            cancellation.ThrowIfCancellationRequested();
            // A rebuild commits once, when complete; the live index commits between batches of files, not within one.
            using (ReferenceEquals(target, index) ? index.HoldScheduledCommits() : null)
                IndexBatch(target, batch, run, cancellation, withOlderArticles);
        }
        var summary = run.Snapshot();
        logger.LogInformation(
            "Indexed {Files} files: {Articles} articles, {Paragraphs} paragraphs in {Seconds:F1} s ({Rate:F0} paragraphs/s)",
            summary.FilesDone, summary.Articles, summary.Paragraphs, summary.Elapsed.TotalSeconds, summary.ParagraphsPerSecond);
    }

    /// <summary>
    /// The files in order, in batches of at least <see cref="BatchBytes"/> (the last may hold fewer); a file that large is
    /// a batch of its own.
    /// </summary>
    private static IEnumerable<IReadOnlyList<CorpusFile>> Batches(IReadOnlyList<CorpusFile> files)
    {
        var batch = new List<CorpusFile>();
        long bytes = 0;
        foreach (var file in files)
        {
            batch.Add(file);
            bytes += file.Length;
            if (bytes < BatchBytes)
                continue;
            yield return batch;
            (batch, bytes) = ([], 0);
        }
        if (batch.Count > 0)
            yield return batch;
    }

    /// <summary>Removes every article that came from a file no longer in the corpus.</summary>
    public void RemoveFile(string relativePath)
    {
        index.DeleteFileArticles(relativePath);
        index.ForgetFile(relativePath);
        status.ClearFile(relativePath);
        logger.LogInformation("Removed {File} from the index", relativePath);
    }

    /// <summary>
    /// Writes the articles of a batch of files as those of one file, on every core; then, file by file, removes the
    /// articles its version no longer holds and records that the index holds it. A batch cut short records none of its
    /// files: the next pass writes them all again.
    /// </summary>
    private void IndexBatch(
        IArticleWriter target, IReadOnlyList<CorpusFile> files, Run run, CancellationToken cancellation, IReadOnlySet<string>? withOlderArticles)
    {
        var bytesBefore = new long[files.Count];
        for (var n = 1; n < files.Count; n++)
            bytesBefore[n] = bytesBefore[n - 1] + files[n - 1].Length;
        foreach (var file in files)
            status.ClearFile(file.RelativePath);
        var articles = files.SelectMany((file, n) => CorpusFolder.ReadArticles(file, Report, bytes => run.BatchBytesRead(bytesBefore[n] + bytes))
            .Select(article => new FileArticle(article, n)));
        var keptApiVersions = new int[files.Count];
        ArticlePipeline.Run(articles, read => read.Article.Id, read =>
        {
            if (WriteUnlessHeldByApi(target, read.Article, extractor.Extract(read.Article), files[read.File]))
                run.ArticleDone(read.Article.Paragraphs.Count);
            else
                Interlocked.Increment(ref keptApiVersions[read.File]);
        }, cancellation, threads);
        for (var n = 0; n < files.Count; n++)
        {
            var file = files[n];
            if (keptApiVersions[n] > 0)
                logger.LogInformation("{Count} articles of {File} were written or deleted through the API; the API's versions stand",
                    keptApiVersions[n], file.RelativePath);
            // Articles this version of the file no longer holds go; then the index is known to hold this version.
            if (withOlderArticles?.Contains(file.RelativePath) != false)
                target.DeleteFileArticles(file.RelativePath, keepStamp: file.Stamp);
            target.RecordFile(file.RelativePath, file.Stamp);
        }
        run.FilesDone(files);
    }

    /// <summary>An article of a batch, and which of the batch's files it was read from.</summary>
    private sealed record FileArticle(Article Article, int File);

    private bool WriteUnlessHeldByApi(IArticleWriter target, Article article, ArticleFacets facets, CorpusFile file)
    {
        void Write() => target.ReplaceArticle(article, facets, file);
        if (apiWrites is not null)
            return apiWrites.WriteUnlessHeld(article.Id, Write);
        Write();
        return true;
    }

    private void Report(CorpusProblem problem)
    {
        status.Report(problem);
        logger.LogWarning("Skipped corpus input {Problem}", problem.ToString());
    }

    /// <summary>Counters of one pass, shared by the parallel writers.</summary>
    private sealed class Run(int filesTotal, long bytesTotal, IProgress<IndexingProgress>? progress)
    {
        private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int filesDone;
        private long bytesOfDoneFiles;
        private long bytesOfCurrentBatch;
        private long articles;
        private long paragraphs;
        private long lastReportTicks;

        /// <summary>How far the batch under way has been read, in bytes of its files.</summary>
        public void BatchBytesRead(long bytes) => Interlocked.Exchange(ref bytesOfCurrentBatch, bytes);

        public void ArticleDone(int paragraphCount)
        {
            Interlocked.Increment(ref articles);
            Interlocked.Add(ref paragraphs, paragraphCount);
            MaybeReport();
        }

        public void FilesDone(IReadOnlyList<CorpusFile> batch)
        {
            Interlocked.Add(ref filesDone, batch.Count);
            Interlocked.Add(ref bytesOfDoneFiles, batch.Sum(f => f.Length));
            Interlocked.Exchange(ref bytesOfCurrentBatch, 0);
            progress?.Report(Snapshot());
        }

        public IndexingProgress Snapshot() => new(
            Volatile.Read(ref filesDone), filesTotal,
            Interlocked.Read(ref bytesOfDoneFiles) + Interlocked.Read(ref bytesOfCurrentBatch), bytesTotal,
            Interlocked.Read(ref articles), Interlocked.Read(ref paragraphs), clock.Elapsed);

        private void MaybeReport()
        {
            if (progress is null)
                return;
            var now = clock.Elapsed.Ticks;
            var last = Interlocked.Read(ref lastReportTicks);
            if (now - last >= ReportEvery.Ticks && Interlocked.CompareExchange(ref lastReportTicks, now, last) == last)
                progress.Report(Snapshot());
        }
    }
}
