using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>
/// A rebuild builds a separate index and only then switches to it: one that fails before the switch (here a disk that
/// fills up, <see cref="LimitedDisk"/>) leaves the previous index serving with every write made meanwhile, and the
/// switch moves the index into a generation folder (<see cref="IndexLayout"/>).
/// </summary>
public sealed class RebuildSwitchTests : IDisposable
{
    private const int CorpusArticles = 200;
    private static readonly IFacetExtractor Extractor = NewsFacetExtractor.Load();
    private readonly TempDirectory corpusFolder = new();
    private readonly TempDirectory indexFolder = new();
    private readonly LimitedDisk disk = new();

    public RebuildSwitchTests() => corpusFolder.WriteFile("a.jsonl", string.Concat(Enumerable.Range(1, CorpusArticles).Select(i =>
        $"{{\"id\": \"a{i}\", \"title\": \"Report {i}\", \"paragraphs\": [\"Rivers rose in Pakistan, report {i}.\", \"Aid arrived.\"]}}\n")));

    private sealed class Service(WritableIndex writable) : IDisposable
    {
        public SearchIndex Index => writable.Index;

        public JournalProtocol Journal => writable.Journal;

        public ArticleStore Store => writable.Store;

        public CorpusIndexer Indexer { get; } = new(writable.Index, Extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, writable.Journal);

        public void Dispose() => writable.Dispose();
    }

    private Service Open() => new(new WritableIndex(indexFolder.Path, openDirectory: disk.Open));

    private CorpusFolder Corpus => new(corpusFolder.Path);

    private static Article Probe(string id, string word) => new(id, $"Probe {id}", [$"A {word} was seen."]);

    private static int Matches(SearchIndex index, string word) =>
        index.Search(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.Text, word)), 10).TotalHits);

    private static IndexStatistics Statistics(SearchIndex index) => new ArticleLookup(index).Statistics();

    /// <summary>A rebuild whose disk fills up after the journal is replayed into it and an API write <paramref name="word"/> is made.</summary>
    private void RebuildOntoAFullDisk(Service service, string word)
    {
        Assert.ThrowsAny<IOException>(() => service.Indexer.Rebuild(Corpus, rebuild =>
        {
            service.Journal.ReplayInto(rebuild);
            service.Store.PutAsync(Probe("during", word)).GetAwaiter().GetResult();
            disk.Limit(4096);
        }, null, CancellationToken.None));
        Assert.True(disk.Filled);
        disk.Limit(long.MaxValue);
    }

    [Fact]
    public void The_commit_that_switches_to_a_rebuild_lists_the_articles_alerts_have_not_matched()
    {
        using var service = Open();
        service.Index.Searchable.Observe(new AlertsBehind(), () => ["a7"]);
        using var held = service.Index.HoldScheduledCommits(); // the switch's commit is the last one

        using (var rebuild = service.Index.BeginRebuild())
        {
            service.Journal.ReplayInto(rebuild);
            service.Index.CompleteRebuild(rebuild);
        }

        SearchServiceCodec.Register();
        using var directory = Lucene.Net.Store.FSDirectory.Open(service.Index.LiveFolder);
        var infos = new SegmentInfos();
        infos.Read(directory);
        Assert.Equal("[\"a7\"]", infos.UserData[SearchableWrites.UnmatchedKey]);
    }

    /// <summary>An alert side that hears nothing and still has an article to match.</summary>
    private sealed class AlertsBehind : IWriteObserver
    {
        public void Written(long generation, SearchableArticle written)
        {
        }

        public void Deleted(long generation, string articleId)
        {
        }

        public void SearchableUpTo(long generation)
        {
        }
    }

    [Fact]
    public async Task Rebuild_that_fails_before_the_switch_leaves_the_previous_index_serving_with_the_writes_made_meanwhile()
    {
        using var service = Open();
        service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
        await service.Store.PutAsync(Probe("before", "heron"));
        var before = Statistics(service.Index);

        RebuildOntoAFullDisk(service, "egret");

        Assert.Equal(new IndexStatistics(before.Articles + 1, before.Paragraphs + 1), Statistics(service.Index));
        Assert.Equal(1, Matches(service.Index, "heron"));
        Assert.Equal(1, Matches(service.Index, "egret"));
    }

    [Fact]
    public void Write_made_during_a_failed_rebuild_survives_a_restart()
    {
        IndexStatistics afterFailure;
        using (var service = Open())
        {
            service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
            RebuildOntoAFullDisk(service, "egret");
            afterFailure = Statistics(service.Index);
        }

        using var reopened = Open();
        Assert.Equal(afterFailure, Statistics(reopened.Index));
        Assert.Equal(1, Matches(reopened.Index, "egret"));
        Assert.Equal(0, reopened.Indexer.Synchronize(Corpus, null, CancellationToken.None).FilesDone);
    }

    [Fact]
    public async Task Failed_rebuild_logs_that_the_previous_index_is_still_serving()
    {
        using var service = Open();
        service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
        var log = new RecordingLogger<RebuildRunner>();
        var runner = new RebuildRunner(service.Indexer, service.Journal, new IndexingStatus(),
            Options.Create(new SearchOptions { CorpusPath = corpusFolder.Path }), log);

        disk.Limit(4096);
        await runner.TryStart()!.WaitAsync(TimeSpan.FromSeconds(30));
        disk.Limit(long.MaxValue);

        Assert.True(disk.Filled);
        var (level, message) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("Rebuilding the index failed; the previous index is still serving", message);
        Assert.Equal(new IndexStatistics(CorpusArticles, 2 * CorpusArticles), Statistics(service.Index));
    }

    [Fact]
    public void Rebuilt_index_commits_the_journal_it_holds_so_a_restart_replays_nothing()
    {
        using (var service = Open())
        {
            service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
            service.Indexer.Rebuild(Corpus, rebuild =>
            {
                service.Journal.ReplayInto(rebuild);
                service.Store.PutAsync(Probe("during", "egret")).GetAwaiter().GetResult();
            }, null, CancellationToken.None);
            Assert.Equal(new FileInfo(Path.Combine(indexFolder.Path, WriteJournal.FileName)).Length, service.Index.CommittedJournalOffset);
        }

        using var reopened = Open();
        Assert.Equal(1, Matches(reopened.Index, "egret"));
        Assert.Equal(new IndexStatistics(CorpusArticles + 1, 2 * CorpusArticles + 1), Statistics(reopened.Index));
    }

    [Fact]
    public void Index_with_its_files_in_the_root_serves_and_moves_into_a_generation_at_its_first_rebuild()
    {
        using (var service = Open())
            service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
        Assert.Contains(Directory.EnumerateFiles(indexFolder.Path), file => Path.GetFileName(file).StartsWith("segments_", StringComparison.Ordinal));

        using (var service = Open())
        {
            Assert.Equal(new IndexStatistics(CorpusArticles, 2 * CorpusArticles), Statistics(service.Index));
            service.Indexer.Rebuild(Corpus, service.Journal.ReplayInto, null, CancellationToken.None);
            Assert.NotEqual(indexFolder.Path, service.Index.LiveFolder);
        }

        Assert.Equal(
            [WriteJournal.FileName, IndexLayout.PointerFileName, SearchIndex.ProcessLockFileName],
            Directory.EnumerateFiles(indexFolder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var reopened = Open();
        Assert.Equal(new IndexStatistics(CorpusArticles, 2 * CorpusArticles), Statistics(reopened.Index));
    }

    [Fact]
    public void Second_rebuild_removes_the_generation_it_replaces()
    {
        using var service = Open();
        service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
        service.Indexer.Rebuild(Corpus, service.Journal.ReplayInto, null, CancellationToken.None);
        var first = service.Index.LiveFolder;
        service.Indexer.Rebuild(Corpus, service.Journal.ReplayInto, null, CancellationToken.None);

        Assert.False(Directory.Exists(first));
        Assert.Equal([service.Index.LiveFolder], Directory.EnumerateDirectories(indexFolder.Path));
    }

    [Fact]
    public void Start_up_removes_a_generation_a_crash_left_before_its_switch()
    {
        using (var service = Open())
            service.Indexer.Synchronize(Corpus, null, CancellationToken.None);
        var leftOver = Path.Combine(indexFolder.Path, "generation-7");
        Directory.CreateDirectory(leftOver);
        File.WriteAllText(Path.Combine(leftOver, "_0.cfs"), "half written");

        using var reopened = Open();
        Assert.False(Directory.Exists(leftOver));
        Assert.Equal(new IndexStatistics(CorpusArticles, 2 * CorpusArticles), Statistics(reopened.Index));
    }

    public void Dispose()
    {
        corpusFolder.Dispose();
        indexFolder.Dispose();
    }
}
