using Orleans.Configuration;
using Orleans.TestingHost;

namespace SearchService.Tests.Cluster;

/// <summary>Silos that collect an activation idle for <see cref="CollectionAge"/>, looked for every second, instead of after 15 minutes.</summary>
public sealed class ShortCollectionSiloConfigurator : ISiloConfigurator
{
    public static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(2);

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Configure<GrainCollectionOptions>(options =>
    {
        options.CollectionQuantum = TimeSpan.FromSeconds(1);
        options.CollectionAge = CollectionAge;
    });
}
