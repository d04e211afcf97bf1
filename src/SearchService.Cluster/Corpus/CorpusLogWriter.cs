using Microsoft.Extensions.Logging;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;

namespace SearchService.Cluster.Corpus;

/// <summary>
/// Brings the article log in line with a corpus folder, as a single process's corpus pass brings its index in line:
/// the articles of new and changed files are written, 500 to a transaction whatever files they come from (a folder of
/// one article a file is written as one file of them would be), and each file is recorded once all of its articles are
/// written, a batch's files in one transaction; unchanged files (same size and time, as recorded in
/// <c>corpus_files</c>) are not read. An article gone from its file, or with its file, is deleted unless another file
/// holds it: one moved to another file (a file renamed) stays. The shards pick the changes up from the log. Only the
/// node holding the corpus lease runs it (<see cref="CorpusLease"/>). Each article's facets are extracted here, once,
/// and stored with it: the shard copies build their documents from them; a batch's speakers are resolved with the
/// cluster's speaker identity table, which learns from them in the files' order before they are written
/// (<see cref="ClusterSpeakerIdentities"/>). A pass cut short (PostgreSQL out of reach, the node stopping) leaves the
/// files of its last batch unrecorded, so the next pass reads them again: writing an article again only gives it a new
/// version.
/// </summary>
public sealed class CorpusLogWriter(PostgresArticleLog log, ClusterSpeakerIdentities facets, ILogger<CorpusLogWriter> logger)
{
    private const int Batch = 500;

    /// <summary>One pass over <paramref name="corpus"/>; returns how many files it read or removed.</summary>
    public async Task<int> SynchronizeAsync(CorpusFolder corpus, CancellationToken cancellation)
    {
        var held = await log.CorpusFilesAsync(cancellation);
        var files = corpus.EnumerateFiles().ToList();
        var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var changed = files.Where(f => !held.TryGetValue(f.RelativePath, out var record) || record.Stamp != f.Stamp).ToList();
        var changedPaths = changed.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var gone = held.Values.Where(record => !present.Contains(record.Path)).ToList();
        // The articles of the files left as they were; those written in this pass join them as they are written.
        var stillHeld = held.Values.Where(record => present.Contains(record.Path) && !changedPaths.Contains(record.Path))
            .SelectMany(record => record.ArticleIds).ToHashSet(StringComparer.Ordinal);
        var pass = new Pass(log, facets, logger, stillHeld);
        foreach (var file in changed)
            await pass.ReadAsync(file, held.GetValueOrDefault(file.RelativePath), cancellation);
        await pass.WriteAsync(cancellation);
        foreach (var record in gone)
        {
            await pass.DeleteAsync(record.ArticleIds, cancellation);
            await log.ForgetCorpusFileAsync(record.Path, cancellation);
            logger.LogInformation("Removed {File}'s {Articles} articles from the article log", record.Path, record.ArticleIds.Count);
        }
        return changed.Count + gone.Count;
    }

    /// <summary>
    /// The articles read and not yet written, and the files read whole whose articles they complete; <c>held</c> the
    /// ids no deletion of this pass may touch, which every article written joins.
    /// </summary>
    private sealed class Pass(PostgresArticleLog log, ClusterSpeakerIdentities facets, ILogger logger, HashSet<string> held)
    {
        private readonly List<Article> articles = new(Batch);
        private readonly List<(CorpusFile File, CorpusFileRecord? Before, List<string> Ids)> readWhole = [];

        public async Task ReadAsync(CorpusFile file, CorpusFileRecord? before, CancellationToken cancellation)
        {
            var ids = new List<string>();
            foreach (var article in CorpusFolder.ReadArticles(file, problem => logger.LogWarning("Skipped corpus input {Problem}", problem.ToString())))
            {
                articles.Add(article);
                ids.Add(article.Id);
                if (articles.Count == Batch)
                    await WriteAsync(cancellation);
            }
            readWhole.Add((file, before, ids));
        }

        /// <summary>Writes the articles read, then deletes what the files read whole no longer hold, and records them.</summary>
        public async Task WriteAsync(CancellationToken cancellation)
        {
            if (articles.Count > 0)
                await log.PutManyAsync(await facets.ExtractAsync(articles, cancellation), cancellation);
            held.UnionWith(articles.Select(a => a.Id));
            var written = articles.Count;
            articles.Clear();
            if (readWhole.Count == 0)
                return;
            // A file's articles written are held now: what is left of its earlier version is gone from it.
            await DeleteAsync(readWhole.SelectMany(f => f.Before?.ArticleIds ?? []), cancellation);
            await log.RecordCorpusFilesAsync(readWhole.Select(f => new CorpusFileRecord(f.File.RelativePath, f.File.Stamp, f.Ids)).ToList(), cancellation);
            logger.LogInformation("Wrote {Files} corpus files to the article log, the last {File}; {Articles} articles in this batch",
                readWhole.Count, readWhole[^1].File.RelativePath, written);
            readWhole.Clear();
        }

        /// <summary>Deletes those of the articles no file holds, in one transaction.</summary>
        public Task DeleteAsync(IEnumerable<string> articleIds, CancellationToken cancellation) =>
            log.DeleteManyAsync(articleIds.Where(id => !held.Contains(id)).ToList(), cancellation);
    }
}
