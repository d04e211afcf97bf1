using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.Sharding;

namespace SearchService.Tests.Cluster;

/// <summary>Seeded requests of every kind over some articles, with the answers one index of those articles gives them.</summary>
public sealed class OneIndexAnswers : IDisposable
{
    private readonly ShardedIndexes single;

    public OneIndexAnswers(IReadOnlyList<Article> articles, int seed)
    {
        single = new ShardedIndexes(1, articles);
        var oneIndex = single.SearcherOverOneIndex();
        Requests = SeededQueries.Draw(articles, request => oneIndex.Search(request).Facets, perKind: 1, seed);
        Expected = Requests.Select(r => oneIndex.Search(r.Request)).ToList();
    }

    public IReadOnlyList<(string Kind, SearchRequest Request)> Requests { get; }

    public IReadOnlyList<SearchResult> Expected { get; }

    /// <summary>How <paramref name="searcher"/>'s answer to request <paramref name="i"/> (counted round the requests) differs from one index's.</summary>
    public async Task<IEnumerable<string>> DifferencesAsync(ShardedSearcher searcher, int i)
    {
        var (kind, request) = Requests[i % Requests.Count];
        return AnswerDifferences.Of(kind, Expected[i % Requests.Count], await searcher.SearchAsync(request));
    }

    public void Dispose() => single.Dispose();
}
