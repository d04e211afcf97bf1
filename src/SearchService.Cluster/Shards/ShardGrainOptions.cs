namespace SearchService.Cluster.Shards;

/// <summary>Where a silo keeps its shards and how they follow the article log.</summary>
public sealed class ShardGrainOptions
{
    /// <summary>Copies of each shard unless configured otherwise.</summary>
    public const int DefaultReplicas = 2;

    /// <summary>The folder under which each silo keeps a folder of its own, with a folder per shard it holds.</summary>
    public string Root { get; set; } = "shards";

    /// <summary>How many shards the index is split into (<see cref="Core.Sharding.ShardRouter"/>); fixed for the cluster's life.</summary>
    public int Shards { get; set; } = 8;

    /// <summary>
    /// How many copies of each shard the cluster keeps, each on another silo while there are silos enough
    /// (<see cref="ShardCopyPlacement"/>); a search asks one copy of every shard, and another when it fails.
    /// </summary>
    public int Replicas { get; set; } = DefaultReplicas;

    /// <summary>
    /// How often a shard reads the article log for changes after the last version it applied when no commit is
    /// notified (<see cref="CommitWatch"/>): the fallback while the silo's listening session is down.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one search may run on a copy before it is stopped (a single node's <c>Search:QueryTimeBudgetMs</c>).</summary>
    public TimeSpan QueryBudget { get; set; } = Core.Indexing.SearchIndex.DefaultQueryBudget;

    /// <summary>
    /// How long a search opening on a copy waits for it to apply the version another copy has answered the node at
    /// (<see cref="ShardSearch.MinVersion"/>): copies apply a write tens of milliseconds apart. A copy further behind
    /// fails the call as an unavailable copy does, and the search asks another.
    /// </summary>
    public TimeSpan CatchUpWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The node's topic taxonomy (a single node's <c>Search:TaxonomyPath</c>); empty: the default one. The node's writes
    /// (API and corpus folder) are extracted with it, and a copy with it extracts an article stored without facets.
    /// </summary>
    public string? TaxonomyPath { get; set; }

    /// <summary>
    /// Whether the cluster keeps one speaker identity table (a single node's <c>Search:SpeakerIdentities</c>): learnt by
    /// the node's writers, read by its copies and profiles (<see cref="Speakers.ClusterSpeakerIdentities"/>).
    /// </summary>
    public bool SpeakerIdentities { get; set; } = true;

    /// <summary>The node's query-time synonyms file (a single node's <c>Search:SynonymsPath</c>); empty: the list shipped in Data/.</summary>
    public string? SynonymsPath { get; set; }

    /// <summary>False refuses many-term patterns in Lucene syntax (a single node's <c>Search:AllowExpensiveQueries</c>).</summary>
    public bool AllowExpensiveQueries { get; set; } = true;

    /// <summary>
    /// How often the silo that spreads the copies (<see cref="ShardRebalancer"/>) looks at them besides at every
    /// membership change: two copies of a shard placed on one silo from a stale grain directory are split within it.
    /// </summary>
    public TimeSpan RebalanceCheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a search's reader stays held when its gatherer never closes it (a gatherer that died).</summary>
    public TimeSpan SearchLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
