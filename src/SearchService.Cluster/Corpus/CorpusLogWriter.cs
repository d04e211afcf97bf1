using Microsoft.Extensions.Logging;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;

namespace SearchService.Cluster.Corpus;

/// <summary>
/// Brings the article log in line with a corpus folder, as a single process's corpus pass brings its index in line:
/// the articles of new and changed files are written (a file's articles together, 500 to a transaction), articles
/// gone from their file or with their file are deleted, unchanged files (same size and time, as recorded in
/// <c>corpus_files</c>) are not read. The shards pick the changes up from the log. Only the node holding the corpus
/// lease runs it (<see cref="CorpusLease"/>). Each article's facets are extracted here, once, and stored with it: the
/// shard copies build their documents from them; a batch's speakers are resolved with the cluster's speaker identity
/// table, which learns from them in the file's order before they are written (<see cref="ClusterSpeakerIdentities"/>).
/// A pass cut short (PostgreSQL out of reach, the node stopping) leaves
/// the file it was in unrecorded, so the next pass reads it again: writing an article again only gives it a new version.
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
        var gone = held.Values.Where(record => !present.Contains(record.Path)).ToList();
        foreach (var file in changed)
            await WriteFileAsync(file, held.GetValueOrDefault(file.RelativePath), cancellation);
        foreach (var record in gone)
        {
            await DeleteAsync(record.ArticleIds, cancellation);
            await log.ForgetCorpusFileAsync(record.Path, cancellation);
            logger.LogInformation("Removed {File}'s {Articles} articles from the article log", record.Path, record.ArticleIds.Count);
        }
        return changed.Count + gone.Count;
    }

    private async Task WriteFileAsync(CorpusFile file, CorpusFileRecord? before, CancellationToken cancellation)
    {
        var ids = new List<string>();
        var batch = new List<Article>(Batch);
        foreach (var article in CorpusFolder.ReadArticles(file, problem => logger.LogWarning("Skipped corpus input {Problem}", problem.ToString())))
        {
            batch.Add(article);
            ids.Add(article.Id);
            if (batch.Count == Batch)
                await WriteAsync(batch, cancellation);
        }
        await WriteAsync(batch, cancellation);
        var kept = ids.ToHashSet(StringComparer.Ordinal);
        await DeleteAsync(before?.ArticleIds.Where(id => !kept.Contains(id)).ToList() ?? [], cancellation);
        await log.RecordCorpusFileAsync(new CorpusFileRecord(file.RelativePath, file.Stamp, ids), cancellation);
        logger.LogInformation("Wrote {File}'s {Articles} articles to the article log", file.RelativePath, ids.Count);
    }

    private async Task WriteAsync(List<Article> batch, CancellationToken cancellation)
    {
        if (batch.Count > 0)
            await log.PutManyAsync(await facets.ExtractAsync(batch, cancellation), cancellation);
        batch.Clear();
    }

    private async Task DeleteAsync(IReadOnlyList<string> articleIds, CancellationToken cancellation)
    {
        foreach (var id in articleIds)
            await log.DeleteAsync(id, cancellation);
    }
}
