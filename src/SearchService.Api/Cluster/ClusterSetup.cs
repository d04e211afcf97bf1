using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SearchService.Api.Alerts;
using SearchService.Api.Backends;
using SearchService.Api.Security;
using SearchService.Api.Startup;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core;
using SearchService.Core.Analytics;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Core.Sharding;

namespace SearchService.Api.Cluster;

/// <summary>
/// Cluster mode (<see cref="SearchClusterOptions"/>): this process is a node, an Orleans silo co-hosted in the API on
/// ADO.NET clustering over the PostgreSQL database that holds the articles, holding shard grains; searches go to the
/// shards and article reads and writes to PostgreSQL. No index of its own is opened.
/// </summary>
public static class ClusterSetup
{
    /// <summary>Orleans' name for the service whose clusters share the database.</summary>
    private const string ServiceId = "searchservice";

    /// <summary>How long a shard copy's activation (opening its folder, catching up from the log) may take before Orleans gives up on it.</summary>
    private static readonly TimeSpan ShardActivationTimeout = TimeSpan.FromMinutes(10);

    public static WebApplicationBuilder AddClusterNode(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SearchClusterOptions.Section);
        var options = section.Get<SearchClusterOptions>() ?? new SearchClusterOptions();
        if (string.IsNullOrWhiteSpace(options.Postgres))
            throw new InvalidOperationException($"{SearchClusterOptions.Section}:Postgres must hold the connection string of the cluster's PostgreSQL database.");
        if (options.Shards < 1)
            throw new InvalidOperationException($"{SearchClusterOptions.Section}:Shards must be at least 1; it is {options.Shards}.");
        builder.Services.AddOptions<SearchClusterOptions>().BindConfiguration(SearchClusterOptions.Section);
        // Before the silo starts: the database's schema, Orleans' membership tables among it, must exist first.
        builder.Services.AddHostedService<ClusterNodeStartup>();
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(orleans => (orleans.ClusterId, orleans.ServiceId) = (options.ClusterId, ServiceId))
            .ConfigureEndpoints(IPAddress.Parse(options.Address), options.SiloPort, options.GatewayPort)
            .UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = "Npgsql";
                clustering.ConnectionString = options.Postgres;
            })
            .Configure<ClusterMembershipOptions>(membership =>
            {
                membership.ProbeTimeout = options.ProbeTimeout;
                membership.NumMissedProbesLimit = options.NumMissedProbesLimit;
                membership.DeathVoteExpirationTimeout = options.DeathVoteExpirationTimeout;
                membership.IAmAliveTablePublishTimeout = options.IAmAliveTablePublishTimeout;
                membership.TableRefreshTimeout = options.TableRefreshTimeout;
            })
            // A copy's activation catches up from the log, which for a large shard on a loaded machine takes minutes:
            // at Orleans' 30 s default every activation of a copy at 10x under load was given up on, over and over.
            // Callers do not wait for it: each call gives up after ShardCallTimeout and asks another copy.
            .Configure<GrainCollectionOptions>(collection => collection.ActivationTimeout = ShardActivationTimeout)
            .AddShardGrains(new ArticleLogOptions(options.Postgres), shards =>
            {
                // Relative to the working directory, as the index folder of a single process is.
                shards.Root = Path.GetFullPath(options.ShardsPath);
                shards.Shards = options.Shards;
                shards.Replicas = options.Replicas;
                // A search on a copy runs under the budget a single node's searches run under.
                var search = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
                shards.QueryBudget = TimeSpan.FromMilliseconds(Math.Max(1, search.QueryTimeBudgetMs));
                shards.TaxonomyPath = search.TaxonomyPath;
                // A copy parses each search again, with the synonyms and limits the node's gatherer parsed it with.
                shards.SynonymsPath = search.SynonymsPath;
                shards.AllowExpensiveQueries = search.AllowExpensiveQueries;
                shards.SpeakerIdentities = search.SpeakerIdentities;
            }));
        builder.Services.AddSingleton<ClusterCursorKey>();
        builder.Services.AddSingleton<ClusterScopedKeys>();
        builder.Services.AddSingleton<IScopedKeyStorage>(services => services.GetRequiredService<ClusterScopedKeys>());
        builder.Services.AddSingleton<IAnalyticsStorage>(services => new PostgresAnalytics(services.GetRequiredService<SiloArticleLog>().GetAsync));
        builder.Services.AddSingleton(services => new CursorCodec(services.GetRequiredService<ClusterCursorKey>().Key));
        builder.Services.AddSingleton<ISearchBackend, ClusterSearchBackend>();
        builder.Services.AddSingleton<IArticleBackend, ClusterArticleBackend>();
        builder.Services.AddSingleton(services =>
        {
            var cluster = services.GetRequiredService<IOptions<SearchClusterOptions>>().Value;
            return new ShardedQuoteSearcher(GrainStatementShard.All(
                services.GetRequiredService<IGrainFactory>(), cluster.Shards, cluster.Replicas, cluster.ShardCallTimeout),
                services.GetRequiredService<ClusterSpeakerIdentities>().Table);
        });
        builder.Services.AddSingleton<IRelatedArticleFinder>(services => new ShardedRelatedFinder(
            GrainShardSource.All(services.GetRequiredService<IGrainFactory>(), options.Shards, options.ShardCallTimeout, options.Replicas),
            IndexSchema.CreateAnalyzer(), services.GetService<SemanticReranker>()));
        builder.Services.AddSingleton<ShardCopyStatuses>();
        builder.Services.AddSingleton<ShardCopyBuildsUnderWay>();
        builder.Services.AddSingleton<ClusterHealth>();
        builder.Services.AddSingleton<ClusterRebuild>();
        builder.Services.AddSingleton(services => new ShardMetrics(services.GetRequiredService<IMeterFactory>(),
            services.GetRequiredService<ShardCopyStatuses>(), services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString()));
        builder.Services.AddHostedService<ClusterCorpusWorker>();
        builder.Services.AddHostedService<ClusterSearchWarmUp>();
        builder.Services.AddClusterAlerts(builder.Configuration);
        // Orleans' start-up logs its whole configuration at Information; its warnings and errors are what an operator needs.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [IndexReadinessCheck.ReadyTag]);
        return builder;
    }
}
