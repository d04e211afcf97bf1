using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using SearchService.Cluster.Shards;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two copies of a shard placed on one silo (as from a stale grain directory; here a placement that puts every copy on
/// the first silo while the test asks it to) are split by the rebalancer's next look
/// (<see cref="ShardGrainOptions.RebalanceCheck"/>), though no membership change comes to start a round.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardCopySplitTests : IAsyncLifetime
{
    private ShardCluster cluster = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null)
            return; // the test is skipped, saying why
        cluster = await ShardCluster.StartAsync(silos: 2, shards: 1, replicas: 2,
            configure: builder => builder.AddSiloBuilderConfigurator<ColocatingSiloConfigurator>());
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
            await cluster.DisposeAsync();
    }

    [PostgresFact]
    public async Task Two_copies_of_a_shard_on_one_silo_are_split_with_no_membership_change()
    {
        // The rounds that the silos' joining started have run (finding no copy active) before the copies are placed.
        var management = cluster.Cluster.Client.GetGrain<IManagementGrain>(0);
        while ((await management.GetHosts(onlyActive: true)).Count < 2)
            await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(3));
        ColocatingPlacementDirector.Colocating = true;
        Assert.Single((await cluster.StatusesAsync()).Select(s => s.Silo).Distinct());
        ColocatingPlacementDirector.Colocating = false;

        var clock = Stopwatch.StartNew();
        IReadOnlyList<ShardStatus> statuses;
        while ((statuses = await cluster.StatusesAsync()).Select(s => s.Silo).Distinct().Count() < 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"The copies are still together on {statuses[0].Silo}");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Looks at the copies every second, places them with <see cref="ColocatingPlacementDirector"/>, and leaves the
    /// membership table unread for longer than the test.
    /// </summary>
    public sealed class ColocatingSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.Configure<ShardGrainOptions>(options => options.RebalanceCheck = TimeSpan.FromSeconds(1));
            siloBuilder.AddPlacementDirector<ShardCopyPlacement, ColocatingPlacementDirector>();
            // Orleans publishes the membership again at each of these, same version or not, and each starts a round too.
            siloBuilder.Configure<ClusterMembershipOptions>(options =>
            {
                options.IAmAliveTablePublishTimeout = TimeSpan.FromMinutes(10);
                options.TableRefreshTimeout = TimeSpan.FromMinutes(10);
            });
        }
    }

    /// <summary>Every copy on the first silo while <see cref="Colocating"/>; the service's placement otherwise.</summary>
    public sealed class ColocatingPlacementDirector(IGrainFactory grains, IOptions<ShardGrainOptions> options) : IPlacementDirector
    {
        private readonly ShardCopyPlacementDirector placement = new(grains, options);

        public static volatile bool Colocating;

        public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context) =>
            Colocating ? Task.FromResult(context.GetCompatibleSilos(target).Order().First()) : placement.OnAddActivation(strategy, target, context);
    }
}
