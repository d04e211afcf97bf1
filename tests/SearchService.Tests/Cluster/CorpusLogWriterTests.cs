using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Cluster.Corpus;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// The corpus folder in cluster mode: a pass writes what the files hold into the article log, reads a file again only
/// when it changed, and deletes the articles gone from their file or with it.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class CorpusLogWriterTests
{
    [PostgresFact]
    public async Task A_pass_writes_the_articles_of_the_corpus_files_into_the_article_log()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        WriteJsonl(corpus, "wire/cocoa.jsonl", "cocoa-1", "cocoa-2");

        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.Equal("Bahia cocoa review", (await store.Log.ReadAsync("cocoa-1"))?.Title);
        Assert.NotNull(await store.Log.ReadAsync("cocoa-2"));
    }

    [PostgresFact]
    public async Task A_pass_over_unchanged_files_writes_nothing()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        WriteJsonl(corpus, "wire/cocoa.jsonl", "cocoa-1", "cocoa-2");
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);
        var version = await store.Log.CurrentVersionAsync();

        var filesRead = await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.Equal(0, filesRead);
        Assert.Equal(version, await store.Log.CurrentVersionAsync());
    }

    [PostgresFact]
    public async Task An_article_gone_from_its_changed_file_is_deleted_from_the_article_log()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        var file = WriteJsonl(corpus, "wire/cocoa.jsonl", "cocoa-1", "cocoa-2");
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        WriteJsonl(corpus, "wire/cocoa.jsonl", "cocoa-1");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.NotNull(await store.Log.ReadAsync("cocoa-1"));
        Assert.Null(await store.Log.ReadAsync("cocoa-2"));
    }

    [PostgresFact]
    public async Task The_articles_of_a_deleted_file_are_deleted_from_the_article_log()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        WriteJsonl(corpus, "wire/cocoa.jsonl", "cocoa-1");
        var removed = WriteJsonl(corpus, "wire/more-cocoa.jsonl", "cocoa-2");
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        File.Delete(removed);
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.NotNull(await store.Log.ReadAsync("cocoa-1"));
        Assert.Null(await store.Log.ReadAsync("cocoa-2"));
    }

    [PostgresFact]
    public async Task The_articles_of_a_renamed_file_stay_in_the_article_log()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        var file = WriteJsonl(corpus, "wire/cocoa.jsonl", "cocoa-1", "cocoa-2");
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        File.Move(file, corpus.Combine("wire", "cocoa-1987.jsonl"));
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.NotNull(await store.Log.ReadAsync("cocoa-1"));
        Assert.NotNull(await store.Log.ReadAsync("cocoa-2"));
        Assert.Equal(["wire/cocoa-1987.jsonl"], (await store.Log.CorpusFilesAsync()).Keys);
    }

    [PostgresFact]
    public async Task An_article_moved_to_a_file_read_before_its_old_one_stays_in_the_article_log()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        var old = WriteJsonl(corpus, "wire/b.jsonl", "cocoa-1", "cocoa-2");
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        WriteJsonl(corpus, "wire/a.jsonl", "cocoa-2");
        WriteJsonl(corpus, "wire/b.jsonl", "cocoa-1");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddMinutes(1));
        await Writer(store, node).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.NotNull(await store.Log.ReadAsync("cocoa-1"));
        Assert.NotNull(await store.Log.ReadAsync("cocoa-2"));
    }

    [PostgresFact]
    public async Task A_folder_of_one_article_files_is_written_and_recorded_in_one_batch()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var node = new SpeakerTableNode(store.ConnectionString);
        using var corpus = new TempDirectory();
        for (var n = 1; n <= 40; n++)
            WriteJsonl(corpus, $"wire/cocoa-{n:D2}.jsonl", $"cocoa-{n}");
        var log = new RecordingLogger<CorpusLogWriter>();

        var filesRead = await new CorpusLogWriter(store.Log, node.Speakers, log).SynchronizeAsync(new CorpusFolder(corpus.Path), CancellationToken.None);

        Assert.Equal(40, filesRead);
        Assert.Equal(40, (await store.Log.CorpusFilesAsync()).Count);
        foreach (var n in Enumerable.Range(1, 40))
            Assert.NotNull(await store.Log.ReadAsync($"cocoa-{n}"));
        Assert.Equal(["Wrote 40 corpus files to the article log, the last wire/cocoa-40.jsonl; 40 articles in this batch"],
            log.Entries.Where(e => e.Message.StartsWith("Wrote", StringComparison.Ordinal)).Select(e => e.Message));
    }

    private static CorpusLogWriter Writer(TestArticleLog store, SpeakerTableNode node) => new(store.Log, node.Speakers, NullLogger<CorpusLogWriter>.Instance);

    private static string WriteJsonl(TempDirectory corpus, string path, params string[] ids) =>
        corpus.WriteFile(path, string.Concat(ids.Select(id => Encoding.UTF8.GetString(JournalEntry.Put(NewsArticles.Cocoa(id)).ToLine()) + "\n")));
}
