using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>Each numbered invariant of <see cref="JournalProtocol"/>, against the protocol itself.</summary>
public sealed class JournalProtocolTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string JournalPath => Path.Combine(folder.Path, WriteJournal.FileName);

    private WritableIndex Open() => new(folder.Path);

    private static Article Probe(string id, string word) => new(id, "Probe", [$"The {word} probe paragraph."]);

    private static int Count(SearchIndex index, string articleId) =>
        index.Search(s => s.Search(new TermQuery(new Term(IndexSchema.ArticleId, articleId)), 10).TotalHits);

    // 1. Journal order is index order.
    [Fact]
    public void Index_holds_the_journal_up_to_the_end_of_the_last_line_written()
    {
        using var service = Open();
        var first = service.Journal.Write(JournalEntry.Put(Probe("a", "heron")), null);
        var second = service.Journal.Write(JournalEntry.Delete("a"), null);

        Assert.True(first.End < second.End);
        Assert.Equal(new FileInfo(JournalPath).Length, second.End);
        Assert.Equal(second.End, service.Index.AppliedJournalOffset);
    }

    // 2. Nothing is acknowledged before its line is on disk.
    [Fact]
    public async Task Acknowledgement_waits_for_the_journal_flush()
    {
        using var flushMayEnd = new ManualResetEventSlim();
        var journal = new WriteJournal(folder.Path, handle =>
        {
            flushMayEnd.Wait(TimeSpan.FromSeconds(30));
            RandomAccess.FlushToDisk(handle);
        });
        using var service = new WritableIndex(folder.Path, journalFile: journal);
        var write = service.Journal.Write(JournalEntry.Put(Probe("a", "heron")), null);

        var acknowledged = service.Journal.AcknowledgeAsync(write);
        await Task.Delay(200);
        Assert.False(acknowledged.IsCompleted);

        flushMayEnd.Set();
        await acknowledged;
        Assert.Equal(1, Count(service.Index, "a"));
    }

    // 3. A failed flush stops every later write.
    [Fact]
    public async Task Failed_flush_stops_every_later_write()
    {
        var journal = new WriteJournal(folder.Path, _ => throw new IOException("Input/output error"));
        using var service = new WritableIndex(folder.Path, journalFile: journal);
        var write = service.Journal.Write(JournalEntry.Put(Probe("a", "heron")), null);
        await Assert.ThrowsAsync<WriteRefusedException>(() => service.Journal.AcknowledgeAsync(write));

        var later = Assert.Throws<WriteRefusedException>(() => service.Journal.Write(JournalEntry.Put(Probe("b", "egret")), null));
        Assert.True(later.WritesStopped);
    }

    // 3. A write that cannot be journaled and applied (here the index refuses it after a failed commit) stops every later write.
    [Fact]
    public async Task Write_the_index_cannot_apply_stops_every_later_write()
    {
        var disk = new LimitedDisk();
        using var service = new WritableIndex(folder.Path, openDirectory: disk.Open);
        await service.Store.PutAsync(Probe("a", "heron"));
        disk.Limit(0);
        Assert.ThrowsAny<IOException>(service.Index.Commit);
        disk.Limit(long.MaxValue);

        var refused = Assert.Throws<WriteRefusedException>(() => service.Journal.Write(JournalEntry.Put(Probe("b", "egret")), null));
        Assert.True(refused.WritesStopped);
        Assert.IsAssignableFrom<IOException>(refused.InnerException);
        var later = Assert.Throws<WriteRefusedException>(() => service.Journal.Write(JournalEntry.Delete("a"), null));
        Assert.True(later.WritesStopped);
        Assert.Null(later.InnerException);
    }

    // 4. A restart replays every complete line after the committed offset, and drops a torn one.
    [Fact]
    public void Opening_replays_the_complete_uncommitted_lines_and_drops_a_torn_one()
    {
        var complete = JournalEntry.Put(Probe("a", "heron")).ToLine().Length + 1;
        File.WriteAllBytes(JournalPath, [.. JournalEntry.Put(Probe("a", "heron")).ToLine(), (byte)'\n', .. "{\"op\":\"put\",\"id\":\"b\",\"ti"u8]);

        using var service = Open();

        Assert.Equal(1, Count(service.Index, "a"));
        Assert.Equal(0, Count(service.Index, "b"));
        Assert.Equal(complete, service.Index.CommittedJournalOffset);
        Assert.Equal(complete, new FileInfo(JournalPath).Length);
    }

    // 4. Lines the last commit holds are not applied again.
    [Fact]
    public void Opening_leaves_the_lines_the_last_commit_holds_alone()
    {
        using (var service = Open())
        {
            service.Journal.Write(JournalEntry.Put(Probe("a", "heron")), null);
            service.Index.Commit();
            // Behind the journal's back: a replay of the committed line would bring the article back.
            service.Index.DeleteArticle("a");
        }

        using var reopened = Open();
        Assert.Equal(0, Count(reopened.Index, "a"));
    }

    // 5. An article the journal holds is not overwritten by a corpus write.
    [Fact]
    public void Corpus_write_of_an_article_the_api_wrote_does_not_run()
    {
        using var service = Open();
        service.Journal.Write(JournalEntry.Delete("a"), null);
        var ran = new List<string>();

        Assert.False(service.Journal.WriteUnlessHeld("a", () => ran.Add("a")));
        Assert.True(service.Journal.WriteUnlessHeld("b", () => ran.Add("b")));
        Assert.Equal(["b"], ran);
    }

    // 5. The journal's articles are held again after a restart, committed or not.
    [Fact]
    public void Articles_the_journal_holds_are_held_after_a_restart()
    {
        using (var service = Open())
        {
            service.Journal.Write(JournalEntry.Put(Probe("a", "heron")), null);
            service.Index.Commit();
        }

        using var reopened = Open();
        Assert.False(reopened.Journal.WriteUnlessHeld("a", () => { }));
    }

    // 6. Compaction ends with a commit that holds the new journal whole.
    [Fact]
    public void Compaction_leaves_the_index_committed_up_to_the_new_journal_end()
    {
        using var service = Open();
        foreach (var word in new[] { "heron", "egret", "crane" })
            service.Journal.Write(JournalEntry.Put(Probe("a", word)), null);

        Assert.True(service.Journal.Compact());

        Assert.Single(File.ReadAllLines(JournalPath));
        Assert.Equal(new FileInfo(JournalPath).Length, service.Index.CommittedJournalOffset);
    }

    // 6. A journal mostly superseded is compacted at start-up too (in the background, as after a write).
    [Fact]
    public async Task Opening_compacts_a_journal_mostly_superseded()
    {
        static byte[] Line(string word) => [.. JournalEntry.Put(Probe("a", word)).ToLine(), (byte)'\n'];
        File.WriteAllBytes(JournalPath, [.. Line("heron"), .. Line("egret"), .. Line("stork")]);

        using var service = new WritableIndex(folder.Path, compactAtBytes: 1);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.ReadAllLines(JournalPath).Length > 1 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        var lines = File.ReadAllLines(JournalPath);
        Assert.Single(lines);
        Assert.Contains("stork", lines[0]);
    }

    // 7. A rebuild gets the journal as it was when it began; later writes reach it directly.
    [Fact]
    public void Rebuild_holds_the_writes_from_before_and_after_it_began()
    {
        using var service = Open();
        service.Journal.Write(JournalEntry.Put(Probe("before", "heron")), null);
        using var rebuild = service.Index.BeginRebuild();
        service.Journal.Write(JournalEntry.Put(Probe("after", "egret")), null);

        service.Journal.ReplayInto(rebuild);
        service.Index.CompleteRebuild(rebuild);

        Assert.True(service.Index.WaitUntilSearchable(TestIndex.SearchableWithin));
        Assert.Equal(1, Count(service.Index, "before"));
        Assert.Equal(1, Count(service.Index, "after"));
    }

    public void Dispose() => folder.Dispose();
}
