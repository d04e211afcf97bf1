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
    private static readonly IFacetExtractor Extractor = NewsFacetExtractor.Load();
    private readonly TempDirectory folder = new();

    private (SearchIndex Index, ArticleStore Store) Open()
    {
        var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);
        return (index, new ArticleStore(index, Extractor, NullLogger<ArticleStore>.Instance));
    }

    /// <summary>Closes both and opens them again on the same folder, as a restart does.</summary>
    private (SearchIndex Index, ArticleStore Store) Reopen(SearchIndex index, ArticleStore store)
    {
        store.Dispose();
        index.Dispose();
        return Open();
    }

    private static Article Probe(string id, string word) => new(id, "Probe", [$"The {word} probe paragraph.", "A second paragraph."]);

    private static int Count(SearchIndex index, string articleId) =>
        index.Search(s => s.Search(new TermQuery(new Lucene.Net.Index.Term("articleId", articleId)), 10).TotalHits);

    [Fact]
    public async Task Journal_lines_the_index_never_committed_are_replayed_at_start_up()
    {
        var (index, store) = Open();
        await store.PutAsync(Probe("kept", "walrus"));
        store.Dispose();
        index.Dispose();
        // As after a crash before the commit: the index is back to empty, the journal still has the write.
        Directory.Delete(folder.Path, recursive: true);
        Directory.CreateDirectory(folder.Path);
        File.WriteAllText(Path.Combine(folder.Path, WriteJournal.FileName),
            """{"op":"put","id":"kept","title":"Probe","paragraphs":["The walrus probe paragraph.","A second paragraph."]}""" + "\n");

        (index, store) = Open();
        using (index)
        using (store)
        {
            Assert.True(index.WaitUntilSearchable(TimeSpan.FromSeconds(5)));
            Assert.Equal(2, Count(index, "kept"));
        }
    }

    [Fact]
    public async Task Line_cut_short_by_a_crash_is_dropped_and_the_journal_continues_after_it()
    {
        var journal = Path.Combine(folder.Path, WriteJournal.FileName);
        File.WriteAllText(journal,
            """{"op":"put","id":"whole","title":"Probe","paragraphs":["The heron probe paragraph."]}""" + "\n" +
            """{"op":"put","id":"torn","title":"Pro""");
        var (index, store) = Open();
        using (index)
        using (store)
        {
            await store.PutAsync(Probe("after", "egret"));
            Assert.Equal(1, Count(index, "whole"));
            Assert.Equal(0, Count(index, "torn"));
            Assert.Equal(2, Count(index, "after"));
        }
        var lines = File.ReadAllLines(journal);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"after\"", lines[1]);
    }

    [Fact]
    public async Task Delete_is_journaled_and_survives_a_restart()
    {
        var (index, store) = Open();
        await store.PutAsync(Probe("gone", "ibis"));
        Assert.True(await store.DeleteAsync("gone"));

        (index, store) = Reopen(index, store);
        using (index)
        using (store)
            Assert.Equal(0, Count(index, "gone"));
        Assert.Contains("\"delete\"", File.ReadAllText(Path.Combine(folder.Path, WriteJournal.FileName), Encoding.UTF8));
    }

    [Fact]
    public async Task Concurrent_writers_are_all_durable_and_searchable_when_answered()
    {
        var (index, store) = Open();
        using (index)
        using (store)
        {
            await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(() => store.PutAsync(Probe($"burst-{n}", "stork")))));
            Assert.Equal(40, index.Search(s => s.Search(new TermQuery(new Lucene.Net.Index.Term("text", "second")), 1).TotalHits));
            Assert.Equal(40, File.ReadAllLines(Path.Combine(folder.Path, WriteJournal.FileName)).Length);
        }
    }

    [Fact]
    public async Task Failed_flush_refuses_the_write_and_every_later_one_until_a_restart()
    {
        var flushes = 0;
        var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);
        // The first flush fails as a failing disk's fsync does; later ones would succeed, but must not be trusted.
        var journal = new WriteJournal(folder.Path, handle =>
        {
            if (Interlocked.Increment(ref flushes) == 1)
                throw new IOException("Input/output error");
            RandomAccess.FlushToDisk(handle);
        });
        using (index)
        using (var store = new ArticleStore(index, Extractor, NullLogger<ArticleStore>.Instance, ArticleStore.DefaultCompactAtBytes, journal))
        {
            var first = await Assert.ThrowsAsync<WriteRefusedException>(() => store.PutAsync(Probe("first", "plover")));
            Assert.True(first.WritesStopped);

            var later = await Assert.ThrowsAsync<WriteRefusedException>(() => store.PutAsync(Probe("later", "curlew")));
            Assert.True(later.WritesStopped);
            await Assert.ThrowsAsync<WriteRefusedException>(() => store.DeleteAsync("first"));
            await Assert.ThrowsAsync<WriteRefusedException>(() =>
                store.BulkAsync(new MemoryStream("""{"id":"bulk","title":"B","paragraphs":["Dunlin."]}"""u8.ToArray()), (_, _) => { }));
            Assert.Equal(1, flushes);
            Assert.NotNull(store.WritesStoppedBecause);
            Assert.Equal(0, Count(index, "later"));
        }
    }

    private static string[] JournalLines(string folder) => File.ReadAllLines(Path.Combine(folder, WriteJournal.FileName));

    private static int Matches(SearchIndex index, string word) =>
        index.Search(s => s.Search(new TermQuery(new Lucene.Net.Index.Term("text", word)), 10).TotalHits);

    [Fact]
    public async Task Compaction_keeps_each_articles_latest_line_in_journal_order_and_a_restart_sees_the_same_articles()
    {
        var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance);
        var store = new ArticleStore(index, Extractor, NullLogger<ArticleStore>.Instance, compactAtBytes: long.MaxValue);
        await store.PutAsync(Probe("dropped", "ibis"));
        await store.PutAsync(Probe("once", "heron"));
        string[] birds = ["egret", "crane", "stork", "plover", "curlew"];
        foreach (var bird in birds)
            await store.PutAsync(Probe("rewritten", bird));
        Assert.True(await store.DeleteAsync("dropped"));

        Assert.True(store.Compact());
        var lines = JournalLines(folder.Path);
        Assert.Equal(3, lines.Length);
        Assert.Contains("heron", lines[0]);
        Assert.Contains("curlew", lines[1]);
        Assert.Contains("\"delete\"", lines[2]);
        Assert.Contains("\"dropped\"", lines[2]);

        await store.PutAsync(Probe("after", "avocet"));
        (index, store) = Reopen(index, store);
        using (index)
        using (store)
        {
            Assert.Equal(0, Count(index, "dropped"));
            Assert.Equal(2, Count(index, "once"));
            Assert.Equal(1, Matches(index, "curlew"));
            Assert.Equal(0, Matches(index, "egret"));
            Assert.Equal(2, Count(index, "after"));
        }
        Assert.Equal(4, JournalLines(folder.Path).Length);
    }

    [Fact]
    public async Task Writes_compact_the_journal_once_most_of_it_is_superseded()
    {
        using (var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance))
        using (var store = new ArticleStore(index, Extractor, NullLogger<ArticleStore>.Instance, compactAtBytes: 2048))
        {
            for (var n = 0; n < 40; n++)
                await store.PutAsync(Probe("same", $"version{n}"));
            // Compaction runs in the background after the write that crossed the line.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (JournalLines(folder.Path).Length >= 40 && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.InRange(JournalLines(folder.Path).Length, 1, 39);
            Assert.Equal(2, Count(index, "same"));
            Assert.Equal(1, Matches(index, "version39"));
        }
    }

    [Fact]
    public async Task Compaction_waits_while_a_rebuild_replays_the_journal()
    {
        var (index, store) = Open();
        using (index)
        using (store)
        {
            await store.PutAsync(Probe("twice", "snipe"));
            await store.PutAsync(Probe("twice", "dunlin"));
            var rebuild = index.BeginRebuild();
            try
            {
                Assert.False(store.Compact());
                Assert.Equal(2, JournalLines(folder.Path).Length);
            }
            finally
            {
                index.AbandonRebuild(rebuild);
                rebuild.Dispose();
            }
            Assert.True(store.Compact());
            Assert.Single(JournalLines(folder.Path));
        }
    }

    [Fact]
    public async Task Search_past_its_time_budget_is_stopped_with_a_clear_exception()
    {
        using var index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, SearcherSetup.Create(TimeSpan.FromMilliseconds(50)));
        using var store = new ArticleStore(index, Extractor, NullLogger<ArticleStore>.Instance);
        for (var n = 0; n < 20; n++)
            await store.PutAsync(Probe($"slow-{n}", "crane"));

        var e = Assert.Throws<QueryTimeoutException>(() => index.Search(s =>
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
