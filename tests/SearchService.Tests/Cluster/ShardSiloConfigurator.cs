using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A test cluster's silo holding shard grains over the test's article log (<see cref="ShardCluster"/> passes its
/// settings as host configuration), with failure detection set as issue 18 measured it: a dead silo declared in about a second.
/// </summary>
public sealed class ShardSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionString = "ShardTest:ConnectionString";
    /// <summary>The connection string the secondary silos read the log with, when not <see cref="ConnectionString"/>.</summary>
    public const string SecondaryConnectionString = "ShardTest:SecondaryConnectionString";
    public const string Root = "ShardTest:Root";
    public const string Shards = "ShardTest:Shards";
    public const string Replicas = "ShardTest:Replicas";
    public const string PollInterval = "ShardTest:PollInterval";
    public const string QueryBudget = "ShardTest:QueryBudget";
    public const string SynonymsPath = "ShardTest:SynonymsPath";
    public const string SpeakerIdentities = "ShardTest:SpeakerIdentities";

    /// <summary>What Orleans' test cluster names its first silo, the one holding the membership table.</summary>
    private const string PrimarySilo = "Primary";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var settings = siloBuilder.Configuration;
        var connectionString = settings["Orleans:Name"] != PrimarySilo && settings[SecondaryConnectionString] is { } secondary ? secondary : settings[ConnectionString]!;
        siloBuilder
            .AddShardGrains(new ArticleLogOptions(connectionString), options =>
            {
                options.Root = settings[Root]!;
                options.Shards = int.Parse(settings[Shards]!, System.Globalization.CultureInfo.InvariantCulture);
                options.Replicas = int.Parse(settings[Replicas]!, System.Globalization.CultureInfo.InvariantCulture);
                if (settings[PollInterval] is { } poll)
                    options.PollInterval = TimeSpan.Parse(poll, System.Globalization.CultureInfo.InvariantCulture);
                if (settings[QueryBudget] is { } budget)
                    options.QueryBudget = TimeSpan.Parse(budget, System.Globalization.CultureInfo.InvariantCulture);
                options.SynonymsPath = settings[SynonymsPath];
                if (settings[SpeakerIdentities] is { } identities)
                    options.SpeakerIdentities = bool.Parse(identities);
            })
            .Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            });
    }
}
