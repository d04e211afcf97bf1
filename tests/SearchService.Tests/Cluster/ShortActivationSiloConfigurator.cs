using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Silos that give up on an activation after <see cref="ActivationTimeout"/> rather than Orleans' 30 s, and whose logs
/// tell (<see cref="CopyWaits"/>) when a shard copy activating waits for its earlier activation's folder.
/// </summary>
public sealed class ShortActivationSiloConfigurator : ISiloConfigurator
{
    public static readonly TimeSpan ActivationTimeout = TimeSpan.FromSeconds(5);

    /// <summary>What <c>ShardCopyBuilds.ActivateAsync</c> logs when an earlier activation of the copy still holds its folder.</summary>
    public static readonly LogLineWatch CopyWaits = new("still holds its folder");

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Configure<GrainCollectionOptions>(options => options.ActivationTimeout = ActivationTimeout);
        siloBuilder.Services.AddSingleton<ILoggerProvider>(CopyWaits);
    }
}
