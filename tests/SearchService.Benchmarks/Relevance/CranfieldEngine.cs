using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Api.Endpoints;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Benchmarks.Relevance;

/// <summary>
/// The collection indexed by the real indexer into a temporary index, searched the way <c>GET /search</c> searches:
/// each question is sent as typed, as <c>q</c>, through the endpoint's own parameter validation (so every default is
/// the endpoint's), pages of 100 read until <see cref="RelevanceScores.MaxRanked"/> documents, each question with the
/// endpoint's <c>rerank</c> parameter as given.
/// </summary>
public sealed class CranfieldEngine : IDisposable
{
    private const int PageSize = 100;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "searchservice-relevance", Guid.NewGuid().ToString("N"));
    private readonly SearchIndex index;
    private readonly ParagraphSearcher searcher;
    private readonly SentenceEmbedder embedder;
    private readonly string? rerank;

    /// <param name="rerank">The <c>rerank</c> parameter of every question (null: the endpoint's default).</param>
    /// <param name="modelThreads">Threads of the semantic re-ranking model (0: one per core).</param>
    public CranfieldEngine(CranfieldCollection collection, string? rerank = null, int modelThreads = 0)
    {
        this.rerank = rerank;
        embedder = new SentenceEmbedder { Threads = modelThreads };
        var corpus = Path.Combine(folder, "corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(collection.DocumentsFile, Path.Combine(corpus, "documents.jsonl")); // the service skips links that lead out of its corpus folder
        index = new SearchIndex(Path.Combine(folder, "index"), NullLogger<SearchIndex>.Instance);
        var indexer = new CorpusIndexer(index, NewsFacetExtractor.Load(null), new IndexingStatus(), NullLogger<CorpusIndexer>.Instance);
        Indexed = indexer.Synchronize(new CorpusFolder(corpus), null, CancellationToken.None);
        searcher = new ParagraphSearcher(index, semantic: new SemanticReranker(embedder));
    }

    public IndexingProgress Indexed { get; }

    /// <summary>Article ids, best first.</summary>
    public IReadOnlyList<string> Ask(string question, int depth = RelevanceScores.MaxRanked)
    {
        var ranked = new List<string>();
        for (var page = 1; ranked.Count < depth; page++)
        {
            var parameters = new SearchResultParameters { Page = page, PageSize = Math.Min(PageSize, depth), Rerank = rerank };
            if (parameters.Validate(new SearchScopeParameters { Q = question }, out var request) is { } problem)
                throw new InvalidOperationException($"The endpoint would refuse this question: {problem.ProblemDetails.Detail}");
            var result = searcher.Search(request);
            ranked.AddRange(result.Hits.Select(h => h.ArticleId));
            if (result.Hits.Count < parameters.PageSize)
                break;
        }
        return ranked;
    }

    public void Dispose()
    {
        index.Dispose();
        embedder.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
