using System.Net;
using System.Net.Http.Json;
using SearchService.Benchmarks.Store;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;
using WriteRefresh = SearchService.Api.Endpoints.WriteRefresh;

namespace SearchService.Tests.Cluster;

/// <summary>
/// <c>refresh=wait_for</c> when a copy cannot apply the write in time: with <c>Search:Cluster:ShardCallTimeout</c> at a
/// millisecond, no copy can have read, indexed and made searchable a write so soon after it committed, so the write
/// answers <c>X-Searchable: false</c>, yet it is committed (a 2xx) and read back.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterWriteNotSearchableTests
{
    [PostgresFact]
    public async Task A_put_whose_copies_do_not_apply_it_in_time_answers_not_searchable_and_is_committed()
    {
        using var folders = new TempDirectory();
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_not_searchable");
        using var node = new NodeProcess(database.ConnectionString, $"not-searchable-{Guid.NewGuid():N}", folders.Combine("shards"),
            Directory.CreateDirectory(folders.Combine("corpus")).FullName, "--Search:Cluster:Shards=2", "--Search:Cluster:ShardCallTimeout=00:00:00.001");
        var client = await node.ClientAsync();
        await ProcessCluster.WaitUntilReadyAsync(client);

        var put = await client.PutAsync("/articles/not-yet-searchable?refresh=wait_for",
            JsonContent.Create(new { title = "Committed, not yet searchable", paragraphs = new[] { "The write was committed." } }));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(["false"], put.Headers.GetValues(WriteRefresh.Header));
        Assert.Equal("Committed, not yet searchable", (await client.GetOk<ArticleAnswer>("/articles/not-yet-searchable")).Title);
    }
}
