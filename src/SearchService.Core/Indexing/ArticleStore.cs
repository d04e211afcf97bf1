using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>
/// Articles written and deleted through the API. Each write is appended to the <see cref="WriteJournal"/> and applied
/// to the index in journal order, then acknowledged once its line is on disk and it is searchable. At start-up the
/// journal lines that the index's last commit does not hold are replayed; a rebuild replays the whole journal, so
/// API writes outlive rebuilds from the corpus folder.
/// </summary>
public sealed class ArticleStore : IDisposable
{
    /// <summary>An acknowledged write is searchable by the time its answer leaves; this long at most is waited for that.</summary>
    public static readonly TimeSpan SearchableWithin = TimeSpan.FromSeconds(1);

    private readonly SearchIndex index;
    private readonly IFacetExtractor extractor;
    private readonly ILogger<ArticleStore> logger;
    private readonly WriteJournal journal;
    private readonly System.Threading.Lock appendLock = new();

    public ArticleStore(SearchIndex index, IFacetExtractor extractor, ILogger<ArticleStore> logger)
    {
        this.index = index;
        this.extractor = extractor;
        this.logger = logger;
        try
        {
            journal = new WriteJournal(index.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IndexUnavailableException(index.Path, e);
        }
        ReplayUncommitted();
    }

    /// <summary>Creates or replaces an article; returns once it is durable and searchable.</summary>
    public async Task PutAsync(Article article, CancellationToken cancellation = default)
    {
        var (end, generation) = Apply(article, extractor.Extract(article));
        await journal.MakeDurableAsync(end, cancellation);
        await WaitSearchableAsync(generation);
    }

    /// <summary>Deletes an article; false when no such article is indexed.</summary>
    public async Task<bool> DeleteAsync(string articleId, CancellationToken cancellation = default)
    {
        if (!Exists(articleId))
            return false;
        long end, generation;
        lock (appendLock)
        {
            end = journal.Append(DeleteLine(articleId));
            generation = index.DeleteJournaledArticle(articleId, end);
        }
        await journal.MakeDurableAsync(end, cancellation);
        await WaitSearchableAsync(generation);
        return true;
    }

    /// <summary>
    /// Writes every valid article of a JSON-lines stream, read line by line so its size does not matter; bad lines
    /// are reported and skipped. Returns once all written articles are durable and searchable.
    /// </summary>
    public async Task<BulkResult> BulkAsync(Stream body, Action<int, string> reportBadLine, CancellationToken cancellation = default)
    {
        using var reader = new Utf8LineReader(body, leaveOpen: true);
        int lineNumber = 0, written = 0, failed = 0;
        long end = 0, generation = 0;
        while (await reader.ReadLineAsync(cancellation) is { } bytes)
        {
            lineNumber++;
            var article = JsonlArticleReader.ParseLine(bytes.Span, reader.LineTooLong, out var problem);
            if (article is null)
            {
                if (problem is not null)
                {
                    failed++;
                    reportBadLine(lineNumber, problem);
                }
                continue;
            }
            (end, generation) = Apply(article, extractor.Extract(article));
            written++;
        }
        if (written > 0)
        {
            await journal.MakeDurableAsync(end, cancellation);
            await WaitSearchableAsync(generation);
        }
        return new BulkResult(written, failed);
    }

    /// <summary>Replays the journal as it was when the rebuild began; later writes reach the rebuild directly.</summary>
    public void ReplayInto(IndexRebuild rebuild)
    {
        foreach (var (line, _) in journal.ReadFrom(0, rebuild.JournalSnapshot))
        {
            if (ParseEntry(line) is not { } entry)
                continue;
            if (entry.DeletedId is { } id)
                rebuild.DeleteArticle(id);
            else
                rebuild.ReplaceArticle(entry.Article!, extractor.Extract(entry.Article!), null);
        }
    }

    private (long End, long Generation) Apply(Article article, ArticleFacets facets)
    {
        var line = PutLine(article);
        lock (appendLock)
        {
            var end = journal.Append(line);
            return (end, index.ReplaceJournaledArticle(article, facets, end));
        }
    }

    /// <summary>Whether an article with this id is searchable now.</summary>
    public bool Exists(string articleId) =>
        index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, articleId)), 1).TotalHits > 0);

    private Task WaitSearchableAsync(long generation) =>
        Task.Run(() => index.WaitForGeneration(generation, SearchableWithin));

    private void ReplayUncommitted()
    {
        var from = Math.Min(index.CommittedJournalOffset, journal.Length);
        var replayed = 0;
        lock (appendLock)
        {
            foreach (var (line, end) in journal.ReadFrom(from))
            {
                if (ParseEntry(line) is not { } entry)
                    continue;
                if (entry.DeletedId is { } id)
                    index.DeleteJournaledArticle(id, end);
                else
                    index.ReplaceJournaledArticle(entry.Article!, extractor.Extract(entry.Article!), end);
                replayed++;
            }
            // The commit now holds the journal exactly as it is on disk, whatever a crash cut off its end.
            index.HoldJournalUpTo(journal.Length);
        }
        index.Commit();
        if (replayed > 0)
            logger.LogInformation("Replayed {Count} API writes from {Journal} that the index had not committed", replayed, journal.Path);
    }

    private static byte[] PutLine(Article article)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("op", "put");
            json.WriteString("id", article.Id);
            json.WriteString("title", article.Title);
            if (article.Date is { } date)
                json.WriteString("date", date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            WriteOptional(json, "byline", article.Byline);
            WriteOptional(json, "dateline", article.Dateline);
            WriteOptional(json, "source", article.Source);
            json.WriteStartArray("paragraphs");
            foreach (var paragraph in article.Paragraphs)
                json.WriteStringValue(paragraph);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] DeleteLine(string articleId) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["op"] = "delete", ["id"] = articleId });

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    private JournalEntry? ParseEntry(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("op", out var op) && op.ValueEquals("delete"))
                return new JournalEntry(null, json.RootElement.GetProperty("id").GetString());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            logger.LogWarning("Skipped an unreadable line of {Journal}", journal.Path);
            return null;
        }
        return JsonlArticleReader.ParseLine(line, out _) is { } article ? new JournalEntry(article, null) : null;
    }

    private sealed record JournalEntry(Article? Article, string? DeletedId);

    public void Dispose() => journal.Dispose();
}
