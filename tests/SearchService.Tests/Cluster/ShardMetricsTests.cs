using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using SearchService.Api.Cluster;
using SearchService.Api.Endpoints;
using SearchService.Api.Observability;
using SearchService.Cluster.Shards;
using SearchService.Core.Indexing;
using SearchService.Tests.Sharding;
using SearchService.Tests.TestSupport;
using Xunit.Abstractions;

namespace SearchService.Tests.Cluster;

/// <summary>
/// <c>/metrics</c> of a node of three in-process silos holding two copies of every shard: a series per copy, labelled
/// with its shard, copy and node, scraped through the service's own metrics endpoint and Prometheus exporter.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed partial class ShardMetricsTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const int Shards = 4;
    private const int Replicas = 2;
    private const int ReutersArticles = 100;

    [PostgresReutersFact]
    public async Task A_scrape_lists_every_copy_of_every_shard_with_its_paragraphs_summing_to_those_written_and_no_lag()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards, Replicas);
        var version = await cluster.Log.PutManyAsync(articles);
        await cluster.WaitUntilAppliedAsync(version);
        using var single = new ShardedIndexes(1, articles);

        var series = await ScrapeAsync(cluster);

        var copies = ShardCopy.All(Shards, Replicas).ToHashSet();
        Assert.Equal(copies, series["searchservice_shard_paragraphs"].Keys.Select(k => k.Copy).ToHashSet());
        Assert.All(copies.GroupBy(c => c.Copy), copy =>
            Assert.Equal(single.ParagraphsPerShard.Single(), copy.Sum(c => series["searchservice_shard_paragraphs"].Single(s => s.Key.Copy == c).Value)));
        Assert.All(series["searchservice_shard_applied_version"].Values, applied => Assert.Equal(version, applied));
        Assert.Equal(copies, series["searchservice_shard_lag"].Where(s => s.Value == 0).Select(s => s.Key.Copy).ToHashSet());
    }

    [PostgresReutersFact]
    public async Task A_scrape_gives_the_bytes_on_disk_of_the_copies_the_node_holds_and_of_no_other()
    {
        var articles = ShardCluster.SeedAndReuters(ReutersArticles);
        await using var cluster = await ShardCluster.StartAsync(Silos, Shards, Replicas);
        await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync(articles));
        var node = cluster.Cluster.Primary!.SiloAddress.ToString();
        var held = (await cluster.StatusesAsync()).Where(s => s.Silo == node).Select(s => new ShardCopy(s.Shard, s.Copy)).ToHashSet();

        var sizes = (await ScrapeAsync(cluster))["searchservice_shard_size_bytes"];

        output.WriteLine(string.Join('\n', sizes.Select(s => $"shard {s.Key.Copy.Shard} copy {s.Key.Copy.Copy}: {s.Value} bytes")));
        Assert.NotEmpty(held);
        Assert.Equal(held, sizes.Keys.Select(k => k.Copy).ToHashSet());
        Assert.All(sizes, s => Assert.Equal(node, s.Key.Node));
        Assert.All(sizes.Values, bytes => Assert.True(bytes > 0));
    }

    /// <summary>
    /// Scrapes <c>/metrics</c> as a node of the cluster (its primary silo) serves it, on a test server of the service's
    /// metrics set-up; every <c>searchservice_shard_*</c> series by metric name, shard copy and node.
    /// </summary>
    private async Task<Dictionary<string, Dictionary<(ShardCopy Copy, string Node), long>>> ScrapeAsync(ShardCluster cluster)
    {
        var silo = ((InProcessSiloHandle)cluster.Cluster.Primary!).SiloHost.Services;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{SearchClusterOptions.Section}:Enabled"] = "true" });
        builder.AddServiceMetrics();
        builder.Services.AddSingleton<IndexingStatus>();
        builder.Services.AddSingleton(services => new ShardMetrics(services.GetRequiredService<IMeterFactory>(),
            new ShardCopyStatuses(silo.GetRequiredService<IGrainFactory>(), Options.Create(new SearchClusterOptions { Shards = Shards, Replicas = Replicas })),
            silo.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString()));
        await using var app = builder.Build();
        app.MapMetricsEndpoints();
        await app.StartAsync();
        var text = await app.GetTestClient().GetStringAsync("/metrics");
        await app.StopAsync();
        output.WriteLine(string.Join('\n', text.Split('\n').Where(line => line.StartsWith("searchservice_shard_", StringComparison.Ordinal))));
        return ShardSeries().Matches(text)
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(metric => metric.Key, metric => metric.ToDictionary(
                m => (new ShardCopy(Label(m, "shard"), Label(m, "copy")), LabelText(m, "node")),
                m => long.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));
    }

    private static int Label(Match series, string name) => int.Parse(LabelText(series, name), CultureInfo.InvariantCulture);

    private static string LabelText(Match series, string name) =>
        Regex.Match(series.Groups["labels"].Value, $"(?:^|,){name}=\"(?<value>[^\"]*)\"").Groups["value"].Value;

    [GeneratedRegex("""^(?<name>searchservice_shard_\w+)\{(?<labels>[^}]*)\} (?<value>\d+)""", RegexOptions.Multiline)]
    private static partial Regex ShardSeries();
}
