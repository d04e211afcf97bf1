using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>Bringing a real on-disk index in line with a corpus folder, across restarts.</summary>
public sealed class CorpusIndexerTests : IDisposable
{
    private static readonly IFacetExtractor Extractor = NewsFacetExtractor.Load();
    private readonly TempDirectory corpusFolder = new();
    private readonly TempDirectory indexFolder = new();

    private (SearchIndex Index, CorpusIndexer Indexer) Open()
    {
        var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);
        return (index, new CorpusIndexer(index, Extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance));
    }

    private IndexingProgress Sync(CorpusIndexer indexer) =>
        indexer.Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);

    private static List<string> Texts(SearchIndex index, string articleId) =>
        new ArticleLookup(index).Find(articleId)?.Paragraphs.Select(p => p.Text).ToList() ?? [];

    private static int Segments(SearchIndex index) => index.Search(searcher => searcher.IndexReader.Leaves.Count);

    private static string JsonlArticles(string prefix, int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"{{\"id\": \"{prefix}{i}\", \"title\": \"Report {i}\", \"paragraphs\": [\"Rivers rose in Pakistan.\", \"Aid arrived.\"]}}\n"));

    [Fact]
    public void A_pass_that_writes_a_large_share_of_the_index_leaves_it_in_one_segment()
    {
        corpusFolder.WriteFile("a.jsonl", JsonlArticles("a", 20));
        var (index, indexer) = Open();
        using (index)
        {
            Sync(indexer);
            corpusFolder.WriteFile("b.jsonl", JsonlArticles("b", 40));
            Sync(indexer);

            Assert.Equal(1, Segments(index));
            Assert.Equal(new IndexStatistics(60, 120), new ArticleLookup(index).Statistics());
        }
    }

    [Fact]
    public void A_small_pass_does_not_rewrite_the_index()
    {
        corpusFolder.WriteFile("a.jsonl", JsonlArticles("a", 40));
        var (index, indexer) = Open();
        using (index)
        {
            Sync(indexer);
            corpusFolder.WriteFile("b.jsonl", JsonlArticles("b", 2));
            Sync(indexer);

            Assert.True(Segments(index) > 1, "the small pass was merged into the rest");
        }
    }

    [Fact]
    public void Unchanged_files_are_skipped_after_a_restart()
    {
        corpusFolder.WriteFile("a.txt", "Floods\n\nRivers rose in Pakistan.");
        corpusFolder.WriteFile("b.jsonl", "{\"id\": \"b1\", \"title\": \"Oil\", \"paragraphs\": [\"OPEC met.\"]}\n");
        var (index, indexer) = Open();
        Assert.Equal(2, Sync(indexer).FilesDone);
        index.Dispose();

        var (reopened, again) = Open();
        using (reopened)
        {
            Assert.Equal(0, Sync(again).FilesDone);
            Assert.Equal(new IndexStatistics(2, 2), new ArticleLookup(reopened).Statistics());
        }
    }

    [Fact]
    public void Index_written_under_another_schema_is_indexed_again_at_start_up()
    {
        corpusFolder.WriteFile("a.txt", "Floods\n\nRivers rose in Pakistan.");
        var (index, indexer) = Open();
        Sync(indexer);
        index.Dispose();
        MarkSchema("an older schema");

        var (reopened, again) = Open();
        using (reopened)
        {
            Assert.Equal(new IndexStatistics(0, 0), new ArticleLookup(reopened).Statistics());
            Assert.Equal(1, Sync(again).FilesDone);
            Assert.Equal(new IndexStatistics(1, 1), new ArticleLookup(reopened).Statistics());
        }
    }

    /// <summary>Rewrites the last commit's schema entry, as an index from another version of the service would have it.</summary>
    private void MarkSchema(string schema)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(indexFolder.Path);
        using var writer = new Lucene.Net.Index.IndexWriter(directory,
            new Lucene.Net.Index.IndexWriterConfig(IndexSchema.Version, new Lucene.Net.Analysis.Core.KeywordAnalyzer()));
        var data = new Dictionary<string, string>(writer.CommitData) { ["schema"] = schema };
        writer.SetCommitData(data);
        writer.Commit();
    }

    [Fact]
    public void Changed_file_replaces_the_article_whole()
    {
        var path = corpusFolder.WriteFile("a.txt", "Floods\n\nRivers rose.\n\nThousands fled.\n\nAid arrived.");
        var (index, indexer) = Open();
        using (index)
        {
            Sync(indexer);
            File.WriteAllText(path, "Floods\n\nRivers fell again.");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            Assert.Equal(1, Sync(indexer).FilesDone);
            Assert.Equal(["Rivers fell again."], Texts(index, "a.txt"));
        }
    }

    [Fact]
    public void Article_dropped_from_a_jsonl_file_is_removed()
    {
        var path = corpusFolder.WriteFile("wire.jsonl",
            "{\"id\": \"w1\", \"title\": \"One\", \"paragraphs\": [\"First.\"]}\n{\"id\": \"w2\", \"title\": \"Two\", \"paragraphs\": [\"Second.\"]}\n");
        var (index, indexer) = Open();
        using (index)
        {
            Sync(indexer);
            File.WriteAllText(path, "{\"id\": \"w2\", \"title\": \"Two\", \"paragraphs\": [\"Second, revised.\"]}\n");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
            Sync(indexer);
            Assert.Empty(Texts(index, "w1"));
            Assert.Equal(["Second, revised."], Texts(index, "w2"));
        }
    }

    [Fact]
    public void Deleted_file_leaves_the_index()
    {
        var path = corpusFolder.WriteFile("a.txt", "Floods\n\nRivers rose.");
        corpusFolder.WriteFile("b.txt", "Drought\n\nWells ran dry.");
        var (index, indexer) = Open();
        using (index)
        {
            Sync(indexer);
            File.Delete(path);
            Sync(indexer);
            Assert.Empty(Texts(index, "a.txt"));
            Assert.Equal(new IndexStatistics(1, 1), new ArticleLookup(index).Statistics());
            Assert.False(index.FileStamps.ContainsKey("a.txt"));
        }
    }

    [Fact]
    public async Task Articles_written_or_deleted_through_the_api_keep_the_api_version_when_their_file_changes()
    {
        corpusFolder.WriteFile("news.jsonl",
            "{\"id\": \"kept\", \"title\": \"Floods\", \"paragraphs\": [\"Rivers rose in Pakistan.\"]}\n" +
            "{\"id\": \"deleted\", \"title\": \"Oil\", \"paragraphs\": [\"OPEC met in Vienna.\"]}\n" +
            "{\"id\": \"corpus\", \"title\": \"Grain\", \"paragraphs\": [\"Wheat prices fell.\"]}\n");
        using var service = new WritableIndex(indexFolder.Path);
        var (index, store) = (service.Index, service.Store);
        var indexer = new CorpusIndexer(index, Extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, service.Journal);
        Sync(indexer);
        await store.PutAsync(new Article("kept", "Floods", ["The editor's corrected paragraph."]));
        Assert.True(await store.DeleteAsync("deleted"));

        corpusFolder.WriteFile("news.jsonl",
            "{\"id\": \"kept\", \"title\": \"Floods\", \"paragraphs\": [\"Rivers rose again in Pakistan.\"]}\n" +
            "{\"id\": \"deleted\", \"title\": \"Oil\", \"paragraphs\": [\"OPEC met again in Vienna.\"]}\n" +
            "{\"id\": \"corpus\", \"title\": \"Grain\", \"paragraphs\": [\"Wheat prices rose.\"]}\n");
        File.SetLastWriteTimeUtc(Path.Combine(corpusFolder.Path, "news.jsonl"), DateTime.UtcNow.AddMinutes(1));
        var pass = Sync(indexer);

        Assert.Equal(["The editor's corrected paragraph."], Texts(index, "kept"));
        Assert.Empty(Texts(index, "deleted"));
        Assert.Equal(["Wheat prices rose."], Texts(index, "corpus"));
        Assert.Equal(1, pass.Articles);
    }

    [Fact]
    public void Paragraphs_get_ids_counting_from_one()
    {
        corpusFolder.WriteFile("news/a.txt", "Floods\n\nRivers rose.\n\nThousands fled.");
        var (index, indexer) = Open();
        using (index)
        {
            Sync(indexer);
            Assert.Equal(["news/a.txt#1", "news/a.txt#2"], new ArticleLookup(index).Find("news/a.txt")!.Paragraphs.Select(p => p.Id));
        }
    }

    /// <summary>
    /// A pass is done when its writes are searchable, so its time (and the paragraphs a second it reports) counts the
    /// flush that makes them so: a bulk pass leaves its buffered paragraphs to that flush, a fifth of a 1x Reuters pass.
    /// </summary>
    [Fact]
    public void A_pass_counts_its_time_until_its_writes_are_searchable()
    {
        corpusFolder.WriteFile("a.jsonl", JsonlArticles("a", 20));
        var flushDelay = TimeSpan.FromSeconds(2);
        // A terms dictionary is written only when the writer flushes its buffered paragraphs.
        var slowFlush = new OneSlowFile(".tim", flushDelay);
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance,
            openDirectory: folder => slowFlush.Wrap(FSDirectory.Open(folder)));
        var indexer = new CorpusIndexer(index, Extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance);

        var pass = Sync(indexer);

        Assert.True(slowFlush.Delayed, "no terms dictionary was written");
        Assert.True(pass.Elapsed >= flushDelay, $"the pass of {pass.Paragraphs} paragraphs in {pass.FilesDone} files took {pass.Elapsed.TotalSeconds:F2} s, not counting the flush of {flushDelay.TotalSeconds} s");
        Assert.Equal(40, pass.Paragraphs);
    }

    /// <summary>Makes the first file created whose name ends with <paramref name="extension"/> take <paramref name="delay"/> longer.</summary>
    private sealed class OneSlowFile(string extension, TimeSpan delay)
    {
        private int delayed;

        public bool Delayed => Volatile.Read(ref delayed) == 1;

        public Lucene.Net.Store.Directory Wrap(Lucene.Net.Store.Directory directory) => new Slow(directory, this);

        private void Creating(string name)
        {
            if (name.EndsWith(extension, StringComparison.Ordinal) && Interlocked.Exchange(ref delayed, 1) == 0)
                Thread.Sleep(delay);
        }

        private sealed class Slow(Lucene.Net.Store.Directory inner, OneSlowFile owner) : FilterDirectory(inner)
        {
            public override IndexOutput CreateOutput(string name, IOContext context)
            {
                owner.Creating(name);
                return base.CreateOutput(name, context);
            }
        }
    }

    [Fact]
    public void Second_writer_on_the_same_folder_is_refused_with_a_clear_error()
    {
        var (index, _) = Open();
        using (index)
        {
            var e = Assert.Throws<IndexUnavailableException>(() => new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance));
            Assert.Contains(indexFolder.Path, e.Message);
        }
    }

    public void Dispose()
    {
        corpusFolder.Dispose();
        indexFolder.Dispose();
    }
}
