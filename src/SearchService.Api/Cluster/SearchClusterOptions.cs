using SearchService.Core;

namespace SearchService.Api.Cluster;

/// <summary>
/// The <c>Search:Cluster</c> configuration section (its keys are listed in docs/cluster.md). Unset or <see cref="Enabled"/> false: the single process with its
/// own index. Enabled: this process is a node of a cluster (an Orleans silo co-hosted in the API) holding shards of the
/// index, with the articles in PostgreSQL (docs/cluster.md).
/// </summary>
public sealed class SearchClusterOptions
{
    public const string Section = $"{SearchOptions.Section}:Cluster";

    public bool Enabled { get; set; }

    /// <summary>Shards the index is split into by article id; the same on every node and fixed for the cluster's life.</summary>
    public int Shards { get; set; } = 8;

    /// <summary>Copies of each shard, each on a different node.</summary>
    public int Replicas { get; set; } = 2;

    /// <summary>The Npgsql connection string of the database holding the articles and Orleans' membership table.</summary>
    public string Postgres { get; set; } = "";

    /// <summary>Nodes of one cluster share it; two clusters on one database keep apart by it.</summary>
    public string ClusterId { get; set; } = "searchservice";

    /// <summary>The address other nodes reach this one on; loopback by default (a cluster on one machine).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Where this node keeps its shard copies, a folder per silo below it.</summary>
    public string ShardsPath { get; set; } = "shards";

    /// <summary>
    /// How long a node waits for another's answer to a membership probe. With the next three settings, as issue 18
    /// measured them, a node killed is declared dead and its shards answer again elsewhere in about a second (Orleans'
    /// defaults: 6-12 s).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Probes missed in a row before a node suspects another.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>How long a vote that a node is dead counts.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a node writes that it is alive into the membership table.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a node reads the membership table.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one call to a shard may take before the search fails naming the shard (Orleans' own limit is 30 s).</summary>
    public TimeSpan ShardCallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the node holding the corpus lease looks for changed corpus files.</summary>
    public TimeSpan CorpusPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the configuration turns cluster mode on.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:{nameof(Enabled)}");
}
