using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>What a silo needs to hold shard grains, and what a silo or client needs to talk to them.</summary>
public static class ShardHosting
{
    /// <summary>
    /// Core's records (requests, statistics, answers, hits) cross the wire as JSON: they keep no Orleans attributes, so
    /// Core stays free of Orleans, and JSON is the form they are already written and tested in for the API.
    /// Exceptions are not written as JSON (the codec cannot write one: its TargetSite), and Orleans' exception codec,
    /// which by default takes only System's, Microsoft's and Azure's, takes every exception (Core's, Lucene's, Npgsql's):
    /// its type, message, stack and inner exceptions cross, so whatever a grain throws reaches the caller as a failure
    /// naming its cause, not as a serialization error. The three a search ends with cross with their own fields too
    /// (<see cref="CoreExceptionConverter"/>). The records are written by code generated at build time
    /// (<see cref="ShardWireJson"/>), and not copied within a silo (<see cref="CoreRecordCopier"/>).
    /// </summary>
    public static ISerializerBuilder AddCoreRecordsAsJson(this ISerializerBuilder serializer)
    {
        serializer.Services.Configure<ExceptionSerializationOptions>(options => options.SupportedExceptionTypeFilter = type => typeof(Exception).IsAssignableFrom(type));
        serializer.Services.AddSingleton<IGeneralizedCopier, CoreRecordCopier>();
        return serializer.AddJsonSerializer(
            isSerializable: IsCoreRecord, isCopyable: null, options => options.Configure(json => json.SerializerOptions = ShardWireJson.WireOptions));
    }

    /// <summary>A type of Core's that crosses between silos as JSON: any but an exception.</summary>
    internal static bool IsCoreRecord(Type type) =>
        type.Namespace?.StartsWith("SearchService.Core", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);

    /// <summary>Shard grains on this silo, following the article log of <paramref name="articleLog"/>, kept under <paramref name="configure"/>'s root.</summary>
    public static ISiloBuilder AddShardGrains(this ISiloBuilder silo, ArticleLogOptions articleLog, Action<ShardGrainOptions> configure)
    {
        silo.Services.Configure(configure);
        silo.Services.AddSingleton(_ => new SiloArticleLog(articleLog));
        silo.Services.AddSingleton<CommitWatch>();
        silo.Services.AddSingleton(services => ShardQueryRules.From(services.GetRequiredService<IOptions<ShardGrainOptions>>().Value));
        silo.Services.AddSingleton<IFacetExtractor>(services => NewsFacetExtractor.Load(
            services.GetRequiredService<IOptions<ShardGrainOptions>>().Value.TaxonomyPath is { Length: > 0 } taxonomy ? taxonomy : null));
        silo.Services.AddSingleton<ClusterSpeakerIdentities>();
        silo.Services.AddSingleton<ShardCopyBuilds>();
        silo.Services.AddSerializer(serializer => serializer.AddCoreRecordsAsJson());
        silo.AddPlacementDirector<ShardCopyPlacement, ShardCopyPlacementDirector>();
        silo.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();
        silo.Services.AddHostedService<ShardRebalancer>();
        silo.Services.AddHostedService<SiloFolders>();
        return silo;
    }
}
