using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance;

/// <summary>An engine under test: builds an index of paragraphs, then answers the full query (top 10 with snippets, total, region counts).</summary>
public interface ISearchEngine : IDisposable
{
    string Name { get; }

    /// <summary>Builds the index. <paramref name="corpusFile"/> holds the same articles as .jsonl, for engines that read files themselves.</summary>
    void Build(string corpusFile, IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets);

    long IndexBytes { get; }

    QueryAnswer Run(BenchQuery query);
}
