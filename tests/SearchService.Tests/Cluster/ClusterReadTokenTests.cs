using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SearchService.Api.Endpoints;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Reads that never go backwards for a client moving between nodes (<see cref="ReadTokenCluster"/>): a search through
/// one node reports the version its shards answered at (<c>X-Search-Version</c>), and a search through the other node
/// given it as <c>minVersion</c> sees no older a state. The copies apply a write tens of milliseconds apart, so without
/// the token one of the searches through the other node asks a copy that has not yet applied it.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterReadTokenTests(ReadTokenCluster cluster) : IClassFixture<ReadTokenCluster>
{
    private const int Writes = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static JsonContent Article(string word) => JsonContent.Create(new { title = "Version tokens", paragraphs = new[] { $"The {word} was written." } });

    private static long VersionOf(HttpResponseMessage answer) =>
        long.Parse(Assert.Single(answer.Headers.GetValues(ReadVersionParameters.Header)), CultureInfo.InvariantCulture);

    [PostgresFact]
    public async Task A_search_through_the_other_node_given_the_version_a_search_reported_finds_what_that_search_found()
    {
        var (first, second) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        for (var n = 0; n < Writes; n++)
        {
            var word = WriteRefreshTests.Word("tokput", n);
            Assert.Equal(HttpStatusCode.Created, (await first.PutAsync($"/articles/token-{n}", Article(word))).StatusCode);
            // The write is committed, not yet searchable: the first search through this node that finds it gives the
            // token (until then the word may be corrected to an earlier article's).
            var clock = Stopwatch.StartNew();
            HttpResponseMessage found;
            while ((await (found = await first.GetAsync($"/search?q={word}")).ReadOk<SearchAnswer>()).Hits.All(h => h.ArticleId != $"token-{n}"))
                Assert.True(clock.Elapsed < Patience, $"token-{n} was not searchable through the first node within {Patience}.");

            var answer = await second.GetAsync($"/search?q={word}&minVersion={VersionOf(found)}");

            Assert.Equal($"token-{n}", Assert.Single((await answer.ReadOk<SearchAnswer>()).Hits).ArticleId);
            Assert.True(VersionOf(answer) >= VersionOf(found));
        }
    }

    [PostgresFact]
    public async Task A_min_version_past_the_log_s_answers_at_once_as_the_current_one_and_sets_no_copy_aside()
    {
        var (first, second) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        var word = WriteRefreshTests.Word("tokhuge", 0);
        await first.PutAsync($"/articles/token-huge?refresh=wait_for", Article(word));
        var current = VersionOf(await first.GetAsync($"/search?q={word}"));

        // Uncapped, every copy of every shard would wait its catch-up out, fail, and be passed over by every search
        // for 15 s; three tries of a search failing so answer 503.
        for (var n = 0; n < 3; n++)
        {
            var answer = await second.GetAsync($"/search?q={word}&minVersion={long.MaxValue}");

            Assert.Equal("token-huge", Assert.Single((await answer.ReadOk<SearchAnswer>()).Hits).ArticleId);
            Assert.Equal(current, VersionOf(answer));
        }
    }
}
