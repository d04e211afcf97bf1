using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SearchService.Tests.Api;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Search analytics through two node processes (<see cref="TwoNodeCluster"/>): GET /analytics through either node counts
/// the searches both answered, once each flush interval (10 s) has added them to PostgreSQL. Each node counted only the
/// searches it answered before the counts went to PostgreSQL.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterNodeAnalyticsTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    /// <summary>Two flush intervals and room for a loaded machine.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(40);

    [PostgresFact]
    public async Task Analytics_through_either_node_count_the_searches_both_answered()
    {
        var (first, second) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        const string query = "wfqanalyticsboth";

        await first.GetOk($"/search?q={query}");
        await first.GetOk($"/search?q={query}");
        await second.GetOk($"/search?q={query}");

        foreach (var client in new[] { first, second })
        {
            var clock = Stopwatch.StartNew();
            long searches;
            while ((searches = await SearchesAsync(client, query)) < 3 && clock.Elapsed < Within)
                await Task.Delay(200);
            Assert.Equal(3, searches);
        }
    }

    /// <summary>The searches for <paramref name="query"/> in today's <c>GET /analytics</c> through <paramref name="client"/>; 0 when it does not answer 200.</summary>
    internal static async Task<long> SearchesAsync(HttpClient client, string query)
    {
        var answer = await client.GetAsync("/analytics?size=100");
        if (answer.StatusCode != HttpStatusCode.OK)
            return 0;
        var report = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        return report["topQueries"]!.AsArray().Where(q => (string?)q!["query"] == query).Select(q => (long)q!["searches"]!).FirstOrDefault();
    }
}
