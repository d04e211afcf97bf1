using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Benchmarks.Performance.Engines;

/// <summary>
/// SearchService itself, end to end: the indexer reads the .jsonl, extracts all three facets and writes the index;
/// queries go through <see cref="ParagraphSearcher"/> exactly as GET /search does (facets for region, topic and speaker),
/// with hits one per paragraph, or one per article as the search box asks (<c>collapse=article</c>); and optionally
/// with the best hits re-ordered by meaning (<c>rerank=semantic</c>, <see cref="SemanticReranker"/>).
/// </summary>
/// <param name="semantic">Every query asks for <see cref="SearchRequest.SemanticRerank"/>; the model loads at the first query.</param>
/// <param name="statements">The corpus pass extracts and indexes attributed statements, as the service does.</param>
/// <param name="speakerIdentities">The corpus pass resolves speakers to corpus-wide identities kept beside the index, as the service does by default.</param>
/// <param name="indexThreads">How many threads the corpus pass processes articles on (null: one per core).</param>
/// <param name="answersFile">Where every answer is written, one JSON line each without its time (null: nowhere).</param>
public sealed class OurEngine(string workFolder, ResultUnit unit = ResultUnit.Paragraph, bool semantic = false, bool statements = true,
    bool speakerIdentities = false, int? indexThreads = null, string? answersFile = null) : ISearchEngine
{
    private readonly StreamWriter? answers = answersFile is null ? null : new StreamWriter(answersFile);
    private readonly string indexPath = Path.Combine(workFolder,
        "ours" + (unit == ResultUnit.Article ? "-articles" : "") + (semantic ? "-semantic" : ""));
    private readonly SentenceEmbedder? embedder = semantic ? new SentenceEmbedder() : null;
    private SearchIndex? index;
    private ParagraphSearcher? searcher;

    public string Name => (unit == ResultUnit.Article ? "SearchService, one hit per article" : "SearchService") +
                          (semantic ? ", semantic re-ranking" : "");

    public long IndexBytes => DirectorySize.Of(indexPath);

    public void Build(string corpusFile, IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets)
    {
        var corpus = indexPath + "-corpus";
        Directory.CreateDirectory(corpus);
        File.Copy(corpusFile, Path.Combine(corpus, Path.GetFileName(corpusFile)), overwrite: true); // the service skips links that lead out of its corpus folder
        index = new SearchIndex(indexPath, NullLogger<SearchIndex>.Instance, SearcherSetup.Create(SearchIndex.DefaultQueryBudget));
        var extractor = NewsFacetExtractor.Load();
        if (!statements)
            extractor = extractor.WithoutStatements();
        if (speakerIdentities)
        {
            var table = new SpeakerIdentities(extractor.SpeakerLexicon);
            index.SpeakerIdentities.Attach(table);
            extractor = extractor.WithSpeakerIdentities(table);
        }
        var indexer = new CorpusIndexer(index, extractor, new IndexingStatus(), NullLogger<CorpusIndexer>.Instance, threads: indexThreads);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = GC.CollectionCount(0);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var synchronizing = Stopwatch.StartNew();
        var pass = indexer.Synchronize(new CorpusFolder(corpus), null, CancellationToken.None);
        var merge = synchronizing.Elapsed - pass.Elapsed;
        self.Refresh();
        var passCpu = self.TotalProcessorTime - cpuBefore;
        // The pass alone, for ratios steadier than wall time on a shared machine; the peak since the engine's build began.
        Console.WriteLine($"SearchService: corpus pass and its merge took {passCpu.TotalSeconds:F2} s of CPU, " +
                          $"{(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MB allocated, " +
                          $"{(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F2} s paused in {GC.CollectionCount(0) - collectionsBefore} collections; " +
                          $"peak resident {ResidentMemory.Peak(self) / 1048576.0:F0} MB");
        index.Commit();
        // As the service does after its warm-up, so the measured searches count from memory (part of the build time).
        SearcherSetup.PrepareFacetCounting(index);
        Console.WriteLine($"SearchService: corpus pass (read, extract, index, searchable) {pass.Elapsed.TotalSeconds:F2} s, " +
                          $"{pass.ParagraphsPerSecond:N0} paragraphs/s; then the merge into one segment {merge.TotalSeconds:F2} s; " +
                          "the rest of its build time is the commit and loading the facets' ordinals");
        searcher = new ParagraphSearcher(index, semantic: embedder is null ? null : new SemanticReranker(embedder));
    }

    public QueryAnswer Run(BenchQuery query)
    {
        var q = query.Class switch
        {
            QueryClass.Phrase => $"\"{query.First} {query.Second}\"",
            QueryClass.TwoTermAnd => $"{query.First} {query.Second}",
            _ => query.First,
        };
        var result = searcher!.Search(new SearchRequest(q, Region: query.Region is null ? null : [query.Region], Unit: unit, SemanticRerank: semantic));
        answers?.WriteLine(JsonSerializer.Serialize(result with { TookMs = 0 }));
        return new QueryAnswer(result.Total, result.Hits.Count, result.Hits.Sum(h => h.Snippet.Length), result.Facets.Region.Count);
    }

    public void Dispose()
    {
        answers?.Dispose();
        index?.Dispose();
        embedder?.Dispose();
    }
}
