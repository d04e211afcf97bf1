using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SearchService.Api.Cluster;
using SearchService.Benchmarks.Store;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;
using WriteRefresh = SearchService.Api.Endpoints.WriteRefresh;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A cluster node alone with the default two copies a shard, as the first node of a cluster started one at a time is:
/// it holds one copy of each shard, and what an operator and a writer see says so without failing on the copy that has
/// no node of its own (<see cref="SearchService.Cluster.Shards.ShardCopyUnassignedException"/>).
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class UnassignedCopyNodeTests(UnassignedCopyNodeTests.LoneNode node) : IClassFixture<UnassignedCopyNodeTests.LoneNode>
{
    private const int Shards = 2;

    [PostgresFact]
    public async Task Health_is_degraded_naming_the_unassigned_copy_of_each_shard_and_no_problem()
    {
        var health = await node.Client.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json);

        Assert.Equal("degraded", health!.Status);
        // Which copy a shard has is whichever was asked first.
        Assert.All(health.Shards, shard =>
        {
            Assert.Equal([0, 1], shard.Copies.Select(c => c.Copy).Concat(shard.Unassigned).Order());
            Assert.Single(shard.Unassigned);
            Assert.Empty(shard.Problems);
        });
    }

    [PostgresFact]
    public async Task A_write_waiting_for_refresh_answers_searchable_once_the_assigned_copy_has_applied_it()
    {
        var put = await node.Client.PutAsync("/articles/lone-node-write?refresh=wait_for",
            JsonContent.Create(new { title = "Written to a lone node", paragraphs = new[] { "Quetzalcoatl flew over the lone node." } }));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(["true"], put.Headers.GetValues(WriteRefresh.Header));
        Assert.Equal(1, (await node.Client.GetFromJsonAsync<SearchAnswer>("/search?q=quetzalcoatl", ProcessCluster.Json))!.Total);
    }

    [PostgresFact]
    public async Task A_rebuild_is_accepted_for_the_assigned_copies_and_the_unassigned_are_not_reported_as_failing()
    {
        var accepted = await node.Client.PostAsync("/index/_rebuild", null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.DoesNotContain("was not asked to rebuild", node.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void The_refused_placements_of_the_unassigned_copies_are_not_logged()
    {
        // Orleans' placement runs in a Polly pipeline that logs each failed attempt, with its exception, at Information.
        Assert.Contains("GET /health answered 200", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(SearchService.Cluster.Shards.ShardCopyUnassignedException), node.Output, StringComparison.Ordinal);
    }

    /// <summary>One node process over a scratch database and the seed article, its copies answering at the log's version.</summary>
    public sealed class LoneNode : IAsyncLifetime
    {
        private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

        private readonly TempDirectory folders = new();
        private ScratchDatabase? database;
        private NodeProcess? process;

        public HttpClient Client { get; private set; } = null!;

        public string Output => process!.Output;

        public async Task InitializeAsync()
        {
            if (new PostgresFactAttribute().Skip is not null)
                return; // the tests are skipped, saying why
            database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_lone_node");
            process = new NodeProcess(database.ConnectionString, $"lone-node-{Guid.NewGuid():N}", folders.Combine("shards"),
                NodeProcess.SeedCorpus(folders), $"--Search:Cluster:Shards={Shards}");
            Client = await process.ClientAsync();
            await ProcessCluster.WaitUntilReadyAsync(Client);
            var clock = Stopwatch.StartNew();
            while (await Client.GetStringAsync("/health") is var health
                && !((await Client.GetFromJsonAsync<ClusterHealthReport>("/health", ProcessCluster.Json))!.Shards is { Count: Shards } shards
                    && shards.All(s => s.Copies.Count == 1 && s.Copies[0].Lag == 0)
                    && (await Client.GetFromJsonAsync<SearchAnswer>("/search?pageSize=1", ProcessCluster.Json))!.Total > 0))
            {
                Assert.True(clock.Elapsed < Patience, $"The lone node's copies did not answer at the log's version within {Patience}; its health: {health}");
                await Task.Delay(250);
            }
        }

        public async Task DisposeAsync()
        {
            process?.Dispose();
            if (database is not null)
                await database.DisposeAsync();
            folders.Dispose();
        }
    }
}
