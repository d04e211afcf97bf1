using System.Text;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>The API write journal: what a restart replays, and what it makes of a line a crash cut short.</summary>
public sealed class ArticleStoreTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private WritableIndex Open() => new(folder.Path);

    /// <summary>Closes it and opens it again on the same folder, as a restart does.</summary>
    private WritableIndex Reopen(WritableIndex service)
    {
        service.Dispose();
        return Open();
    }

    private static Article Probe(string id, string word) => new(id, "Probe", [$"The {word} probe paragraph.", "A second paragraph."]);

    private static int Count(SearchIndex index, string articleId) =>
        index.Search(s => s.Search(new TermQuery(new Lucene.Net.Index.Term("articleId", articleId)), 10).TotalHits);

    [Fact]
    public async Task Journal_lines_the_index_never_committed_are_replayed_at_start_up()
    {
        using (var service = Open())
            await service.Store.PutAsync(Probe("kept", "walrus"));
        // As after a crash before the commit: the index is back to empty, the journal still has the write.
        Directory.Delete(folder.Path, recursive: true);
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(Path.Combine(folder.Path, WriteJournal.FileName),
            """{"op":"put","id":"kept","title":"Probe","paragraphs":["The walrus probe paragraph.","A second paragraph."]}""" + "\n");

        using var reopened = Open();
        Assert.True(reopened.Index.WaitUntilSearchable(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, Count(reopened.Index, "kept"));
    }

    [Fact]
    public async Task Line_cut_short_by_a_crash_is_dropped_and_the_journal_continues_after_it()
    {
        var journal = Path.Combine(folder.Path, WriteJournal.FileName);
        File.WriteAllText(journal,
            """{"op":"put","id":"whole","title":"Probe","paragraphs":["The heron probe paragraph."]}""" + "\n" +
            """{"op":"put","id":"torn","title":"Pro""");
        using (var service = Open())
        {
            await service.Store.PutAsync(Probe("after", "egret"));
            Assert.Equal(1, Count(service.Index, "whole"));
            Assert.Equal(0, Count(service.Index, "torn"));
            Assert.Equal(2, Count(service.Index, "after"));
        }
        var lines = File.ReadAllLines(journal);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"after\"", lines[1]);
    }

    [Fact]
    public async Task Delete_is_journaled_and_survives_a_restart()
    {
        var service = Open();
        await service.Store.PutAsync(Probe("gone", "ibis"));
        Assert.True(await service.Store.DeleteAsync("gone"));

        using (service = Reopen(service))
            Assert.Equal(0, Count(service.Index, "gone"));
        Assert.Contains("\"delete\"", File.ReadAllText(Path.Combine(folder.Path, WriteJournal.FileName), Encoding.UTF8));
    }

    [Fact]
    public async Task Concurrent_writers_are_all_durable_and_searchable_when_answered()
    {
        using (var service = Open())
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(() => service.Store.PutAsync(Probe($"burst-{n}", "stork")))));
            Assert.Equal(40, service.Index.Search(s => s.Search(new TermQuery(new Lucene.Net.Index.Term("text", "second")), 1).TotalHits));
            Assert.Equal(40, File.ReadAllLines(Path.Combine(folder.Path, WriteJournal.FileName)).Length);
        }
    }

    [Fact]
    public async Task Failed_flush_refuses_the_write_and_every_later_one_until_a_restart()
    {
        var flushes = 0;
        // The first flush fails as a failing disk's fsync does; later ones would succeed, but must not be trusted.
        var journal = new WriteJournal(folder.Path, handle =>
        {
            if (Interlocked.Increment(ref flushes) == 1)
                throw new IOException("Input/output error");
            RandomAccess.FlushToDisk(handle);
        });
        using (var service = new WritableIndex(folder.Path, journalFile: journal))
        {
            var store = service.Store;
            var first = await Assert.ThrowsAsync<WriteRefusedException>(() => store.PutAsync(Probe("first", "plover")));
            Assert.True(first.WritesStopped);

            var later = await Assert.ThrowsAsync<WriteRefusedException>(() => store.PutAsync(Probe("later", "curlew")));
            Assert.True(later.WritesStopped);
            await Assert.ThrowsAsync<WriteRefusedException>(() => store.DeleteAsync("first"));
            await Assert.ThrowsAsync<WriteRefusedException>(() =>
                store.BulkAsync(new MemoryStream("""{"id":"bulk","title":"B","paragraphs":["Dunlin."]}"""u8.ToArray()), (_, _) => { }));
            Assert.Equal(1, flushes);
            Assert.NotNull(store.WritesStoppedBecause);
            Assert.Equal(0, Count(service.Index, "later"));
        }
    }

    private static string[] JournalLines(string folder) => File.ReadAllLines(Path.Combine(folder, WriteJournal.FileName));

    private static int Matches(SearchIndex index, string word) =>
        index.Search(s => s.Search(new TermQuery(new Lucene.Net.Index.Term("text", word)), 10).TotalHits);

    [Fact]
    public async Task Compaction_keeps_each_articles_latest_line_in_journal_order_and_a_restart_sees_the_same_articles()
    {
        var service = new WritableIndex(folder.Path, compactAtBytes: long.MaxValue);
        var store = service.Store;
        await store.PutAsync(Probe("dropped", "ibis"));
        await store.PutAsync(Probe("once", "heron"));
        string[] birds = ["egret", "crane", "stork", "plover", "curlew"];
        foreach (var bird in birds)
            await store.PutAsync(Probe("rewritten", bird));
        Assert.True(await store.DeleteAsync("dropped"));

        Assert.True(service.Journal.Compact());
        var lines = JournalLines(folder.Path);
        Assert.Equal(3, lines.Length);
        Assert.Contains("heron", lines[0]);
        Assert.Contains("curlew", lines[1]);
        Assert.Contains("\"delete\"", lines[2]);
        Assert.Contains("\"dropped\"", lines[2]);

        await store.PutAsync(Probe("after", "avocet"));
        using (service = Reopen(service))
        {
            Assert.Equal(0, Count(service.Index, "dropped"));
            Assert.Equal(2, Count(service.Index, "once"));
            Assert.Equal(1, Matches(service.Index, "curlew"));
            Assert.Equal(0, Matches(service.Index, "egret"));
            Assert.Equal(2, Count(service.Index, "after"));
        }
        Assert.Equal(4, JournalLines(folder.Path).Length);
    }

    [Fact]
    public async Task Writes_compact_the_journal_once_most_of_it_is_superseded()
    {
        using (var service = new WritableIndex(folder.Path, compactAtBytes: 2048))
        {
            for (var n = 0; n < 40; n++)
                await service.Store.PutAsync(Probe("same", $"version{n}"));
            // Compaction runs in the background after the write that crossed the line.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (JournalLines(folder.Path).Length >= 40 && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.InRange(JournalLines(folder.Path).Length, 1, 39);
            Assert.Equal(2, Count(service.Index, "same"));
            Assert.Equal(1, Matches(service.Index, "version39"));
        }
    }

    [Fact]
    public async Task Compaction_waits_while_a_rebuild_replays_the_journal()
    {
        using (var service = Open())
        {
            await service.Store.PutAsync(Probe("twice", "snipe"));
            await service.Store.PutAsync(Probe("twice", "dunlin"));
            var rebuild = service.Index.BeginRebuild();
            try
            {
                Assert.False(service.Journal.Compact());
                Assert.Equal(2, JournalLines(folder.Path).Length);
            }
            finally
            {
                service.Index.AbandonRebuild(rebuild);
                rebuild.Dispose();
            }
            Assert.True(service.Journal.Compact());
            Assert.Single(JournalLines(folder.Path));
        }
    }

    [Fact]
    public async Task Search_past_its_time_budget_is_stopped_with_a_clear_exception()
    {
        using var service = new WritableIndex(folder.Path, SearcherSetup.Create(TimeSpan.FromMilliseconds(50)));
        for (var n = 0; n < 20; n++)
            await service.Store.PutAsync(Probe($"slow-{n}", "crane"));

        var e = Assert.Throws<QueryTimeoutException>(() => service.Index.Search(s =>
        {
            s.Search(new MatchAllDocsQuery(), new SlowCollector());
            return 0;
        }));
        Assert.Contains("50 ms", e.Message);
    }

    /// <summary>Takes 20 ms a hit, as a pathological query would over a large index.</summary>
    private sealed class SlowCollector : ICollector
    {
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc) => Thread.Sleep(20);

        public void SetNextReader(Lucene.Net.Index.AtomicReaderContext context)
        {
        }
    }

    public void Dispose() => folder.Dispose();
}
