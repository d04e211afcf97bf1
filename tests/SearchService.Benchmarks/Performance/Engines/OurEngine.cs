using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Benchmarks.Performance.Engines;

/// <summary>
/// SearchService itself, end to end: the indexer reads the .jsonl, extracts all three facets and writes the index;
/// queries go through <see cref="ParagraphSearcher"/> exactly as GET /search does (facets for region, topic and speaker),
/// with hits one per paragraph, or one per article as the search box asks (<c>collapse=article</c>).
/// </summary>
public sealed class OurEngine(string workFolder, ResultUnit unit = ResultUnit.Paragraph) : ISearchEngine
{
    private readonly string indexPath = Path.Combine(workFolder, unit == ResultUnit.Article ? "ours-articles" : "ours");
    private SearchIndex? index;
    private ParagraphSearcher? searcher;

    public string Name => unit == ResultUnit.Article ? "SearchService, one hit per article" : "SearchService";

    public long IndexBytes => DirectorySize.Of(indexPath);

    public void Build(string corpusFile, IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets)
    {
        var corpus = indexPath + "-corpus";
        Directory.CreateDirectory(corpus);
        File.CreateSymbolicLink(Path.Combine(corpus, Path.GetFileName(corpusFile)), corpusFile);
        index = new SearchIndex(indexPath, NullLogger<SearchIndex>.Instance);
        var indexer = new CorpusIndexer(index, NewsFacetExtractor.Load(), new IndexingStatus(), NullLogger<CorpusIndexer>.Instance);
        var pass = indexer.Synchronize(new CorpusFolder(corpus), null, CancellationToken.None);
        index.Commit();
        // As the service does after its warm-up, so the measured searches count from memory (part of the build time).
        index.PrepareFacetCounting();
        Console.WriteLine($"SearchService: corpus pass (read, extract, index, searchable) {pass.Elapsed.TotalSeconds:F2} s, " +
                          $"{pass.ParagraphsPerSecond:N0} paragraphs/s; the rest of its build time is the merge into one segment and the commit");
        searcher = new ParagraphSearcher(index);
    }

    public QueryAnswer Run(BenchQuery query)
    {
        var q = query.Class switch
        {
            QueryClass.Phrase => $"\"{query.First} {query.Second}\"",
            QueryClass.TwoTermAnd => $"{query.First} {query.Second}",
            _ => query.First,
        };
        var result = searcher!.Search(new SearchRequest(q, Region: query.Region is null ? null : [query.Region], Unit: unit));
        return new QueryAnswer(result.Total, result.Hits.Count, result.Hits.Sum(h => h.Snippet.Length), result.Facets.Region.Count);
    }

    public void Dispose() => index?.Dispose();
}
