using Microsoft.Extensions.Configuration;
using Orleans.Serialization;
using Orleans.TestingHost;
using SearchService.Cluster.Shards;

namespace SearchService.Tests.Cluster;

/// <summary>A test cluster's client that can send Core's records to shard grains.</summary>
public sealed class ShardClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddSerializer(serializer => serializer.AddCoreRecordsAsJson());
}
