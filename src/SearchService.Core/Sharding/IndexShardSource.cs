using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A shard that is a <see cref="SearchIndex"/> of this process: each search leases its current searcher.</summary>
public sealed class IndexShardSource : IShardSource
{
    private readonly SearchIndex index;
    private readonly SearchStages stages;

    /// <param name="synonyms">Applied to simple-syntax queries, as the gatherer applies them; null: the list shipped in Data/.</param>
    /// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
    public IndexShardSource(SearchIndex index, Synonyms? synonyms = null, QueryCostLimits? limits = null)
        : this(index, new SearchStages(index.Analyzer, synonyms, null, limits))
    {
    }

    internal IndexShardSource(SearchIndex index, SearchStages stages)
    {
        this.index = index;
        this.stages = stages;
    }

    public ValueTask<IShard> OpenAsync()
    {
        var lease = index.LeaseSearcher();
        return ValueTask.FromResult<IShard>(new IndexShard(lease.Searcher, stages, lease));
    }
}
