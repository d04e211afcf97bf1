using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary>What a corpus pass on every core must keep from one thread writing the articles in reading order.</summary>
public sealed class ParallelCorpusPassTests : IDisposable
{
    private static readonly IFacetExtractor Extractor = NewsFacetExtractor.Load();
    private readonly TempDirectory corpusFolder = new();
    private readonly TempDirectory indexFolder = new();
    private readonly TempDirectory sequentialFolder = new();

    private IndexingProgress Pass(SearchIndex index, ILogger<CorpusIndexer>? logger = null, int? threads = null) =>
        new CorpusIndexer(index, Extractor, new IndexingStatus(), logger ?? NullLogger<CorpusIndexer>.Instance, threads: threads)
            .Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);

    private static readonly SearchRequest[] Searches =
    [
        new("oil prices"),
        new("\"interest rates\""),
        new("bank", Region: ["United States"]),
        new("trade deficit", Unit: ResultUnit.Article),
        new("shares", PageSize: 50, FacetSize: 100),
    ];

    /// <summary>A search's whole answer as lines: the total, each hit with its score and snippet, every facet count.</summary>
    private static List<string> Answer(SearchIndex index, SearchRequest request)
    {
        var result = new ParagraphSearcher(index).Search(request);
        return
        [
            $"total={result.Total}",
            .. result.Hits.Select(hit => $"{hit.Id} {hit.Score} {hit.Snippet}"),
            .. result.Facets.Region.Select(f => $"region {f.Value}={f.Count}"),
            .. result.Facets.Topic.Select(f => $"topic {f.Value}={f.Count}"),
            .. result.Facets.Speaker.Select(f => $"speaker {f.Value}={f.Count}"),
        ];
    }

    /// <summary>Every live paragraph document as its stored fields in order, sorted; the statement count first.</summary>
    private static List<string> Content(SearchIndex index)
    {
        var documents = index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var live = MultiFields.GetLiveDocs(reader);
            return Enumerable.Range(0, reader.MaxDoc).Where(d => live is null || live.Get(d))
                .Select(d => string.Join(" | ", reader.Document(d).Fields.Select(f => $"{f.Name}={f.GetStringValue() ?? f.GetInt32Value()?.ToString() ?? f.GetInt64Value()?.ToString()}")))
                .Order(StringComparer.Ordinal).ToList();
        });
        return [$"statements={index.SearchStatements(searcher => searcher.IndexReader.NumDocs)}", .. documents];
    }

    [ReutersFact]
    [Trait("Category", "Slow")]
    public void A_pass_over_Reuters_holds_the_paragraphs_facets_and_stored_fields_that_one_thread_writing_in_order_holds()
    {
        ReutersCorpus.CopyStart(corpusFolder.Combine("reuters.jsonl"), 1500);
        using var parallel = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);
        Pass(parallel);
        using var sequential = new SearchIndex(sequentialFolder.Path, NullLogger<SearchIndex>.Instance);
        var file = new CorpusFolder(corpusFolder.Path).EnumerateFiles().Single();
        foreach (var article in CorpusFolder.ReadArticles(file, problem => Assert.Fail(problem.ToString())))
            sequential.ReplaceArticle(article, Extractor.Extract(article), file);
        sequential.WaitUntilSearchable(TimeSpan.FromMinutes(1));

        var expected = Content(sequential);
        Assert.True(expected.Count > 5000, $"only {expected.Count} paragraphs");
        Assert.Equal(expected, Content(parallel));
    }

    [ReutersFact]
    public void A_pass_on_one_thread_and_a_pass_on_two_answer_searches_with_the_same_hits_and_facets()
    {
        ReutersCorpus.CopyStart(corpusFolder.Combine("reuters.jsonl"), 400);
        using var oneThread = new SearchIndex(sequentialFolder.Path, NullLogger<SearchIndex>.Instance);
        Pass(oneThread, threads: 1);
        using var twoThreads = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);
        Pass(twoThreads, threads: 2);

        Assert.All(Searches, request =>
        {
            var expected = Answer(oneThread, request);
            Assert.True(expected.Count > 1, $"{request.Query} found nothing");
            Assert.Equal(expected, Answer(twoThreads, request));
        });
    }

    [Fact]
    public void Articles_with_one_id_are_processed_one_at_a_time_in_reading_order()
    {
        var articles = new[] { "1", "2", "3" }.SelectMany(version => Enumerable.Range(1, 4)
            .Select(i => new Article($"other-{version}-{i}", "Markets", ["Shares were mixed."]))
            .Prepend(new Article("budget", version, ["Parliament debated the budget."]))).ToList();
        var versions = new ConcurrentQueue<string>();
        var busy = 0;
        var overlapped = false;

        ArticlePipeline.Run(articles, a => a.Id, article =>
        {
            if (article.Id != "budget")
                return;
            overlapped |= Interlocked.Increment(ref busy) > 1;
            // The first version is slow: an unordered pipeline writes the later ones meanwhile, on the other threads.
            Thread.Sleep(article.Title == "1" ? 200 : 0);
            versions.Enqueue(article.Title);
            Interlocked.Decrement(ref busy);
        }, CancellationToken.None);

        Assert.False(overlapped, "two versions of one article were processed at once");
        Assert.Equal(["1", "2", "3"], versions);
    }

    [Fact]
    public void A_file_that_holds_one_article_several_times_is_indexed_with_the_last()
    {
        corpusFolder.WriteFile("wire.jsonl", string.Concat(Enumerable.Range(1, 40).Select(version =>
            $"{{\"id\": \"budget\", \"title\": \"Budget\", \"paragraphs\": [\"Parliament debated the budget, version {version}.\"]}}\n" +
            $"{{\"id\": \"other{version}\", \"title\": \"Markets\", \"paragraphs\": [\"Shares were mixed.\"]}}\n")));
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);

        Pass(index);

        Assert.Equal(["Parliament debated the budget, version 40."], new ArticleLookup(index).Find("budget")!.Paragraphs.Select(p => p.Text));
    }

    /// <summary>Writes <paramref name="count"/> files of one article each, as a newsroom's folder holds them.</summary>
    private void WriteOneArticleFiles(int count)
    {
        for (var n = 1; n <= count; n++)
            corpusFolder.WriteFile($"story-{n:D3}.jsonl",
                $"{{\"id\": \"story-{n}\", \"title\": \"Harvest {n}\", \"paragraphs\": [\"Farmers in Punjab brought in harvest number {n}.\"]}}\n");
    }

    [Fact]
    public void A_folder_of_one_article_files_is_written_on_the_threads_beside_the_caller_too()
    {
        WriteOneArticleFiles(40);
        var caller = Environment.CurrentManagedThreadId;
        using var anotherThreadExtracted = new ManualResetEventSlim();
        var extractor = new ObservedExtractor(_ =>
        {
            if (Environment.CurrentManagedThreadId != caller)
                anotherThreadExtracted.Set();
            else
                Assert.True(anotherThreadExtracted.Wait(TimeSpan.FromSeconds(10)), "every file was written on the calling thread alone");
        });
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);

        var pass = new CorpusIndexer(index, extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, threads: 2)
            .Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);

        Assert.Equal((40, 40), (pass.FilesDone, (int)pass.Articles));
        Assert.Equal(40, new ParagraphSearcher(index).Search(new SearchRequest("harvest")).Total);
    }

    [Fact]
    public void Files_written_together_are_each_recorded_and_a_second_pass_writes_none_of_them_again()
    {
        WriteOneArticleFiles(40);
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);
        var progress = new RecordedProgress();
        var indexer = new CorpusIndexer(index, Extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, threads: 2);

        var first = indexer.Synchronize(new CorpusFolder(corpusFolder.Path), progress, CancellationToken.None);
        var second = indexer.Synchronize(new CorpusFolder(corpusFolder.Path), null, CancellationToken.None);

        Assert.Equal(40, first.Articles);
        Assert.Equal(40, index.FileStamps.Count);
        Assert.Equal((0, 0L), (second.FilesDone, second.Articles));
        Assert.Equal(first.BytesTotal, first.BytesDone);
        var bytesDone = progress.Reports.Select(p => p.BytesDone).ToList();
        Assert.Equal(bytesDone.Order(), bytesDone); // the bar never goes back
    }

    [Fact]
    public void A_batch_cut_short_records_none_of_its_files_and_the_next_pass_writes_them_all()
    {
        WriteOneArticleFiles(40);
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);
        using var stop = new CancellationTokenSource();
        var extracted = 0;
        var stopping = new ObservedExtractor(_ =>
        {
            if (Interlocked.Increment(ref extracted) == 10)
                stop.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new CorpusIndexer(index, stopping, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, threads: 2)
                .Synchronize(new CorpusFolder(corpusFolder.Path), null, stop.Token));
        Assert.Empty(index.FileStamps);
        var next = Pass(index);

        Assert.Equal((40, 40L), (next.FilesDone, next.Articles));
        Assert.Equal(40, new ParagraphSearcher(index).Search(new SearchRequest("harvest")).Total);
    }

    [Fact]
    public void An_article_a_pass_cut_short_wrote_goes_with_its_statements_when_its_file_no_longer_holds_it()
    {
        corpusFolder.WriteFile("wire.jsonl",
            "{\"id\": \"dollar\", \"title\": \"Dollar\", \"paragraphs\": [\"Treasury Secretary James Baker said the dollar had fallen far enough against the yen.\"]}\n" +
            "{\"id\": \"harvest\", \"title\": \"Harvest\", \"paragraphs\": [\"Farmers in Punjab brought in an early harvest.\"]}\n");
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);
        var file = new CorpusFolder(corpusFolder.Path).EnumerateFiles().Single();
        // What a pass cut short leaves: the file's articles written (not yet searchable), the file not recorded.
        foreach (var article in CorpusFolder.ReadArticles(file, problem => Assert.Fail(problem.ToString())))
        {
            var facets = Extractor.Extract(article);
            Assert.Equal(article.Id == "dollar" ? 1 : 0, facets.Statements?.Count ?? 0);
            index.ReplaceArticle(article, facets, file);
        }
        corpusFolder.WriteFile("wire.jsonl", "{\"id\": \"harvest\", \"title\": \"Harvest\", \"paragraphs\": [\"Farmers in Punjab brought in a late harvest.\"]}\n");

        Pass(index);

        Assert.Null(new ArticleLookup(index).Find("dollar"));
        Assert.Equal(0, StatementsOf(index, "dollar"));
        Assert.Equal(["Farmers in Punjab brought in a late harvest."], new ArticleLookup(index).Find("harvest")!.Paragraphs.Select(p => p.Text));
    }

    private static int StatementsOf(SearchIndex index, string articleId) =>
        index.SearchStatements(searcher => searcher.Search(new TermQuery(new Term(IndexSchema.ArticleId, articleId)), 1).TotalHits);

    [Fact]
    public void An_article_in_two_files_written_together_is_indexed_as_the_later_file_holds_it()
    {
        corpusFolder.WriteFile("a.jsonl", "{\"id\": \"budget\", \"title\": \"Budget\", \"paragraphs\": [\"The first draft of the budget.\"]}\n");
        corpusFolder.WriteFile("b.jsonl", "{\"id\": \"budget\", \"title\": \"Budget\", \"paragraphs\": [\"The final budget was passed.\"]}\n");
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);

        Pass(index, threads: 2);

        Assert.Equal(["The final budget was passed."], new ArticleLookup(index).Find("budget")!.Paragraphs.Select(p => p.Text));
    }

    /// <summary>The real extractor, with a look at each article first.</summary>
    private sealed class ObservedExtractor(Action<Article> look) : IFacetExtractor
    {
        public ArticleFacets Extract(Article article)
        {
            look(article);
            return Extractor.Extract(article);
        }
    }

    /// <summary>Every progress report, as made (<see cref="Progress{T}"/> would post them to the thread pool, out of order).</summary>
    private sealed class RecordedProgress : IProgress<IndexingProgress>
    {
        private readonly ConcurrentQueue<IndexingProgress> reports = new();

        public IReadOnlyList<IndexingProgress> Reports => [.. reports];

        public void Report(IndexingProgress value) => reports.Enqueue(value);
    }

    [ReutersFact]
    public void A_bad_file_is_skipped_with_a_warning_naming_it_while_the_rest_is_indexed()
    {
        ReutersCorpus.CopyStart(corpusFolder.Combine("reuters.jsonl"), 300);
        corpusFolder.WriteFile("broken.jsonl", "this line is not JSON\n");
        var log = new RecordingLogger<CorpusIndexer>();
        using var index = new SearchIndex(indexFolder.Path, NullLogger<SearchIndex>.Instance);

        Pass(index, log);

        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("broken.jsonl:1"));
        Assert.Equal(300, new ArticleLookup(index).Statistics().Articles);
    }

    public void Dispose()
    {
        corpusFolder.Dispose();
        indexFolder.Dispose();
        sequentialFolder.Dispose();
    }
}
