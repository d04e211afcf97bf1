using System.Collections.Concurrent;
using Lucene.Net.Index;
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

        ArticlePipeline.Run(articles, article =>
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
