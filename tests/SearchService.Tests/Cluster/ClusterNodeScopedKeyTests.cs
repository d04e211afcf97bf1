using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Scoped keys through two node processes (<see cref="TwoNodeCluster"/>): a key issued through one node limits what it
/// sees through the other (hits, whole articles and suggestions), and a key revoked through one node is refused by the other within
/// moments. Each node kept its own keys before they went to PostgreSQL: the other node refused the key as never issued,
/// and a revoked key went on working there.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ClusterNodeScopedKeyTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [PostgresFact]
    public async Task A_key_issued_through_one_node_limits_hits_and_articles_through_the_other()
    {
        var (admin, other) = (await cluster.Node[0].ClientAsync(), await cluster.Node[1].ClientAsync());
        await WriteAsync(admin, "scoped-dawn", "Dawn", "wfqscopedone");
        await WriteAsync(admin, "scoped-reuters", "Reuters", "wfqscopedone");
        var issued = await IssueAsync(admin);
        using var keyed = await cluster.Node[1].ClientAsync(issued.Secret);

        var search = await WhenAnsweredAsync(keyed, "/search?q=wfqscopedone");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal("scoped-dawn", Assert.Single((await search.ReadOk<SearchAnswer>()).Hits).ArticleId);
        Assert.Equal(2, (await other.GetOk<SearchAnswer>("/search?q=wfqscopedone")).Total);
        Assert.Equal("scoped-dawn", (await keyed.GetOk<ArticleAnswer>("/articles/scoped-dawn")).Id);
        Assert.Equal("id", (await keyed.GetProblem("/articles/scoped-reuters", HttpStatusCode.NotFound)).Parameter);
        Assert.Equal("scoped-reuters", (await other.GetOk<ArticleAnswer>("/articles/scoped-reuters")).Id);
    }

    [PostgresFact]
    public async Task A_key_issued_through_one_node_gets_suggestions_found_inside_its_scope_only_through_the_other()
    {
        var admin = await cluster.Node[0].ClientAsync();
        await WriteAsync(admin, "suggest-dawn", "Dawn", "quillwort");
        await WriteAsync(admin, "suggest-reuters", "Reuters", "quillback");
        var issued = await IssueAsync(admin);
        using var keyed = await cluster.Node[1].ClientAsync(issued.Secret);
        var other = await cluster.Node[1].ClientAsync();

        // A shard's vocabulary is built again at most every 5 s after its index changed.
        var everything = await SuggestedAsync(other, "/suggest?q=quill", s => s.Contains("quillwort") && s.Contains("quillback"));
        var scoped = await SuggestedAsync(keyed, "/suggest?q=quill", s => s.Contains("quillwort"));

        Assert.Contains("quillback", everything);
        Assert.Contains("quillwort", scoped);
        Assert.DoesNotContain("quillback", scoped);
    }

    [PostgresFact]
    public async Task A_key_revoked_through_one_node_is_refused_by_the_other_within_moments()
    {
        var admin = await cluster.Node[0].ClientAsync();
        var issued = await IssueAsync(admin);
        using var keyed = await cluster.Node[1].ClientAsync(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await WhenAnsweredAsync(keyed, "/search?q=cotton")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/keys/{issued.Key.Id}")).StatusCode);

        var clock = Stopwatch.StartNew();
        HttpResponseMessage refused;
        while ((refused = await keyed.GetAsync("/search?q=cotton")).StatusCode != HttpStatusCode.Unauthorized && clock.Elapsed < Within)
            await Task.Delay(20);
        var problem = await refused.ReadProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(issued.Key.Id, problem.KeyId);
        Console.WriteLine($"Revoked through node 0, refused by node 1 after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    private static async Task WriteAsync(HttpClient admin, string id, string source, string word)
    {
        var put = await admin.PutAsJsonAsync($"/articles/{id}?refresh=wait_for",
            new { title = $"{source} on the harvest", source, paragraphs = new[] { $"The {word} harvest was reported by {source}." } });
        Assert.True(put.IsSuccessStatusCode, $"PUT /articles/{id}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
    }

    private static async Task<IssuedScopedKeyAnswer> IssueAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/keys", new { description = "a newsroom's box", filters = new { source = new[] { "Dawn" } } });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /keys: {(int)response.StatusCode} {json}");
        return ApiJson.Read<IssuedScopedKeyAnswer>(json);
    }

    /// <summary>The suggested texts once they are as <paramref name="done"/> wants, or as they are after 30 s.</summary>
    private static async Task<List<string>> SuggestedAsync(HttpClient client, string url, Func<List<string>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(url);
            var texts = response.StatusCode == HttpStatusCode.OK ? (await response.ReadOk<SuggestAnswer>()).Suggestions.Select(s => s.Text).ToList() : [];
            if (done(texts) || clock.Elapsed > TimeSpan.FromSeconds(30))
                return texts;
            await Task.Delay(200);
        }
    }

    /// <summary>The answer once the key is known through this node (a 401 before), within <see cref="Within"/>.</summary>
    private static async Task<HttpResponseMessage> WhenAnsweredAsync(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.Unauthorized || clock.Elapsed > Within)
                return response;
            await Task.Delay(20);
        }
    }
}
