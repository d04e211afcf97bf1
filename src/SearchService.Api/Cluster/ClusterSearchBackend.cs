using Microsoft.Extensions.Options;
using SearchService.Api.Backends;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Core.Sharding;

namespace SearchService.Api.Cluster;

/// <summary>
/// Searches in cluster mode: the sharded searcher over the shard grains, wherever Orleans placed them, answering as one
/// index of the same articles does. Every call the API makes on the shards goes through here.
/// </summary>
public sealed class ClusterSearchBackend : ISearchBackend
{
    private readonly IGrainFactory grains;
    private readonly SiloArticleLog articleLog;
    private readonly int shards;
    private readonly int replicas;
    private readonly TimeSpan callTimeout;
    private int nextCopy;
    private readonly ShardedSearcher searcher;
    private readonly ShardedCursorPaging paging;
    private readonly ShardedMatchExport export;

    /// <param name="codec">Writes and reads cursors: its key is this node's, so a walk goes on through the node it began on.</param>
    public ClusterSearchBackend(
        IGrainFactory grains, IOptions<SearchClusterOptions> options, Synonyms synonyms, QueryCostLimits limits, CursorCodec codec, SiloArticleLog articleLog,
        IServiceProvider services)
    {
        this.grains = grains;
        this.articleLog = articleLog;
        shards = options.Value.Shards;
        replicas = options.Value.Replicas;
        callTimeout = options.Value.ShardCallTimeout;
        searcher = new ShardedSearcher(
            GrainShardSource.All(grains, shards, callTimeout, replicas), IndexSchema.CreateAnalyzer(), synonyms, services.GetService<SemanticReranker>(), limits);
        paging = new ShardedCursorPaging(searcher, codec);
        export = new ShardedMatchExport(searcher);
    }

    public bool CanRerankSemantically => searcher.CanRerankSemantically;

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellation) => paging.SearchAsync(request);

    /// <summary>
    /// The floor is capped at the article log's current version: a version no copy can reach would fail every copy's
    /// catch-up and set each aside (<see cref="GrainShardSource.RestAfterFailure"/>), slowing everyone's searches. A
    /// read whose shard calls report no version (related articles: only a search's first phase reports it) gives the
    /// log's current version once it is answered, which is at least any its copies answered at; none when PostgreSQL
    /// cannot be reached then (the answer stands, without a token).
    /// </summary>
    /// <exception cref="ArticleLogUnavailableException">A floor was asked for and PostgreSQL cannot be reached.</exception>
    public async Task<(T Result, long? Version)> ReadAtAsync<T>(long minVersion, Func<Task<T>> read, CancellationToken cancellation)
    {
        var min = minVersion > 0 ? Math.Min(minVersion, await CurrentVersionAsync(cancellation)) : 0;
        var floor = new ReadFloor(min);
        // Set in this method's flow only: the gatherer's calls see it, the caller's flow does not keep it.
        ReadFloor.Current = floor;
        var result = await read();
        if (floor.Answered > 0)
            return (result, floor.Answered);
        try
        {
            return (result, await CurrentVersionAsync(cancellation));
        }
        catch (ArticleLogUnavailableException)
        {
            return (result, null);
        }
    }

    private async Task<long> CurrentVersionAsync(CancellationToken cancellation) => await (await articleLog.GetAsync()).CurrentVersionAsync(cancellation);

    public Task<IAsyncEnumerable<ExportedHit>> ExportAsync(SearchRequest request, CancellationToken cancellation) => export.ExportAsync(request, cancellation);

    public Task<IReadOnlyList<FacetValue>> FacetValuesAsync(SearchRequest request, string facet, string prefix, int size, CancellationToken cancellation) =>
        searcher.FacetValuesAsync(request, facet, prefix, size);

    /// <summary>
    /// Each shard's completions (as many as may be asked for, from one of its copies, in turn), their counts summed: facet values first, at most
    /// three, then words and phrases, most frequent first. A completion that is not among a shard's best misses that
    /// shard's count, so the order may differ from one index's where counts are close. Within a scoped key's scope each
    /// shard offers only completions found inside it, counted inside it, as one index does.
    /// </summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string typed, int size, SearchScope? scope, CancellationToken cancellation)
    {
        var copy = (int)((uint)Interlocked.Increment(ref nextCopy) % replicas);
        var answers = await Task.WhenAll(Enumerable.Range(0, shards).Select(shard =>
            GrainShardSource.AskAsync(grains, new ShardCopy(shard, copy), grain => grain.SuggestAsync(typed, Suggester.MaxSize, scope), callTimeout)
                .WaitAsync(cancellation)));
        var summed = answers.SelectMany(a => a)
            .GroupBy(s => (s.Text, s.Kind))
            .Select(g => new Suggestion(g.Key.Text, g.Key.Kind, g.Sum(s => s.Count)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Text, StringComparer.Ordinal)
            .ToList();
        var facets = summed.Where(s => s.Kind != SuggestionVocabulary.TermKind).Take(SuggestionVocabulary.MaxFacetSuggestions);
        return facets.Concat(summed.Where(s => s.Kind == SuggestionVocabulary.TermKind)).Take(size).ToList();
    }
}
