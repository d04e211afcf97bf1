using System.Net;
using System.Net.Http.Json;
using System.Text;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;
using WriteRefresh = SearchService.Api.Endpoints.WriteRefresh;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Read your writes across nodes (<see cref="TwoNodeCluster"/>): a write through one node with <c>refresh=wait_for</c>
/// answers once every copy of its shard has applied it, so the search sent through the other node right after the
/// answer finds it, every time. Without the wait the copies apply a write tens of milliseconds after it commits, and
/// one of the searches misses it.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterWriteRefreshTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private const int Writes = 20;

    private static JsonContent Article(string word) => JsonContent.Create(new { title = "Read your writes", paragraphs = new[] { $"The {word} was written." } });

    [PostgresFact]
    public async Task Every_put_through_one_node_with_refresh_wait_for_is_found_by_the_next_search_through_the_other()
    {
        var (writer, reader) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        for (var n = 0; n < Writes; n++)
        {
            var word = WriteRefreshTests.Word("wfqput", n);
            var put = await writer.PutAsync($"/articles/refresh-put-{n}?refresh=wait_for", Article(word));

            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(["true"], put.Headers.GetValues(WriteRefresh.Header));
            Assert.Equal($"refresh-put-{n}", Assert.Single((await reader.GetOk<SearchAnswer>($"/search?q={word}")).Hits).ArticleId);
        }
    }

    [PostgresFact]
    public async Task Every_delete_through_one_node_with_refresh_wait_for_is_gone_from_the_next_search_through_the_other()
    {
        var (writer, reader) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        for (var n = 0; n < Writes; n++)
        {
            var word = WriteRefreshTests.Word("wfqdel", n);
            await writer.PutAsync($"/articles/refresh-delete-{n}?refresh=wait_for", Article(word));
            Assert.Equal(1, (await reader.GetOk<SearchAnswer>($"/search?q={word}")).Total);

            var deleted = await writer.DeleteAsync($"/articles/refresh-delete-{n}?refresh=wait_for");

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Equal(["true"], deleted.Headers.GetValues(WriteRefresh.Header));
            Assert.Equal(0, (await reader.GetOk<SearchAnswer>($"/search?q={word}")).Total);
        }
    }

    [PostgresFact]
    public async Task A_bulk_write_through_one_node_with_refresh_wait_for_is_found_whole_by_the_next_search_through_the_other()
    {
        var (writer, reader) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        for (var round = 0; round < 5; round++)
        {
            var word = WriteRefreshTests.Word("wfqbulk", round);
            var lines = string.Join('\n', Enumerable.Range(0, Writes).Select(n =>
                $$"""{"id": "refresh-bulk-{{round}}-{{n}}", "title": "Bulk", "paragraphs": ["The {{word}} was written."]}"""));

            var bulk = await writer.PostAsync("/articles/_bulk?refresh=wait_for", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

            Assert.Equal(Writes, (await bulk.ReadOk<BulkAnswer>()).Written);
            Assert.Equal(["true"], bulk.Headers.GetValues(WriteRefresh.Header));
            Assert.Equal<long?>(Writes, (await reader.GetOk<SearchAnswer>($"/search?q={word}&collapse=article")).TotalArticles);
        }
    }
}
