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
/// Reads that never go backwards for a client moving between nodes (<see cref="ReadTokenCluster"/>): a search, facet
/// values, an export or related articles through one node report the version their shards answered at
/// (<c>X-Search-Version</c>), and the same read through the other node given it as <c>minVersion</c> sees no older a state.
/// These show the parameter and the header through real node processes; by the time the first node finds a write both
/// copies have usually applied it, so they pass with the floor ignored too. <see cref="HeldCopyReadTokenTests"/> holds a
/// copy behind to show the floor.
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
    public async Task Facet_values_through_the_other_node_given_the_version_they_reported_count_what_they_counted() =>
        await ReadThroughTheOtherNodeAsync("tokfacet", n => $"/facets/region?q={WriteRefreshTests.Word("tokfacet", n)}",
            async answer => (await answer.ReadOk<FacetValuesAnswer>()).Values.Count > 0);

    [PostgresFact]
    public async Task An_export_through_the_other_node_given_the_version_its_first_page_reported_holds_what_it_held() =>
        await ReadThroughTheOtherNodeAsync("tokexport", n => $"/export?q={WriteRefreshTests.Word("tokexport", n)}",
            async answer => answer.IsSuccessStatusCode && (await answer.Content.ReadAsStringAsync()).Contains("\"token-tokexport-", StringComparison.Ordinal));

    /// <remarks>The article itself is read from its shard: a copy that has not applied it answers 404.</remarks>
    [PostgresFact]
    public async Task Related_articles_through_the_other_node_given_the_version_they_reported_find_the_article() =>
        await ReadThroughTheOtherNodeAsync("tokrelated", n => $"/articles/token-tokrelated-{n}/related",
            async answer => answer.StatusCode == HttpStatusCode.OK && (await answer.ReadOk<RelatedAnswer>()).ArticleId.StartsWith("token-tokrelated-", StringComparison.Ordinal));

    /// <summary>
    /// Writes an article through the first node, reads <paramref name="read"/> through it until <paramref name="found"/>,
    /// then reads it through the second node given the version the first reported: found at once, at no older a version.
    /// </summary>
    private async Task ReadThroughTheOtherNodeAsync(string prefix, Func<int, string> read, Func<HttpResponseMessage, Task<bool>> found)
    {
        var (first, second) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        for (var n = 0; n < Writes; n++)
        {
            var word = WriteRefreshTests.Word(prefix, n);
            var written = JsonContent.Create(new { title = "Version tokens", paragraphs = new[] { $"The {word} was written in Islamabad, Pakistan." } });
            Assert.Equal(HttpStatusCode.Created, (await first.PutAsync($"/articles/token-{prefix}-{n}", written)).StatusCode);
            var clock = Stopwatch.StartNew();
            HttpResponseMessage seen;
            while (!await found(seen = await first.GetAsync(read(n))))
                Assert.True(clock.Elapsed < Patience, $"{read(n)} did not find token-{prefix}-{n} through the first node within {Patience}.");

            var answer = await second.GetAsync($"{read(n)}{(read(n).Contains('?') ? '&' : '?')}minVersion={VersionOf(seen)}");

            Assert.True(VersionOf(answer) >= VersionOf(seen));
            Assert.True(await found(answer), $"{read(n)} through the second node at version {VersionOf(seen)} did not find token-{prefix}-{n}.");
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
