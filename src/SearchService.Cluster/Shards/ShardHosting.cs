using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;

namespace SearchService.Cluster.Shards;

/// <summary>What a silo needs to hold shard grains, and what a silo or client needs to talk to them.</summary>
public static class ShardHosting
{
    /// <summary>
    /// Core's records (requests, statistics, answers, hits) cross the wire as JSON: they keep no Orleans attributes, so
    /// Core stays free of Orleans, and JSON is the form they are already written and tested in for the API.
    /// </summary>
    public static ISerializerBuilder AddCoreRecordsAsJson(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("SearchService.Core", StringComparison.Ordinal) == true);

    /// <summary>Shard grains on this silo, following the article log of <paramref name="articleLog"/>, kept under <paramref name="configure"/>'s root.</summary>
    public static ISiloBuilder AddShardGrains(this ISiloBuilder silo, ArticleLogOptions articleLog, Action<ShardGrainOptions> configure)
    {
        silo.Services.Configure(configure);
        silo.Services.AddSingleton(_ => new SiloArticleLog(articleLog));
        silo.Services.AddSingleton<CommitWatch>();
        silo.Services.AddSingleton<IFacetExtractor>(_ => NewsFacetExtractor.Load());
        silo.Services.AddSerializer(serializer => serializer.AddCoreRecordsAsJson());
        silo.AddPlacementDirector<ShardCopyPlacement, ShardCopyPlacementDirector>();
        return silo;
    }
}
