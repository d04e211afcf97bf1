using System.Net;
using System.Net.Http.Json;
using System.Text;
using SearchService.Tests.Api.Answers;
using WriteRefresh = SearchService.Api.Endpoints.WriteRefresh;

namespace SearchService.Tests.Api;

/// <summary>
/// <c>refresh=wait_for</c> on the article writes of a single node: the write answers once it is searchable, so the
/// search sent right after its answer finds it, every time, and says so in <see cref="WriteRefresh.Header"/>; any other
/// value is a 400 naming <c>refresh</c>, and nothing is written.
/// </summary>
public sealed class WriteRefreshTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    /// <summary>Writes in a row, each searched right after its answer: a write not waited for is missed by one of them.</summary>
    private const int Writes = 20;

    private readonly HttpClient admin = api.CreateAdminClient();

    /// <summary>
    /// A word no other article has: <paramref name="prefix"/> and <paramref name="n"/>'s digits spelt in consonants, which
    /// the English stemmer leaves alone (it would take an "e" off and make "…be" the word "…b").
    /// </summary>
    public static string Word(string prefix, int n) => prefix + new string([.. n.ToString().Select(digit => "bcdfghjkmp"[digit - '0'])]);

    private static JsonContent Article(string word) => JsonContent.Create(new { title = "Read your writes", paragraphs = new[] { $"The {word} was written." } });

    [Fact]
    public async Task Every_put_with_refresh_wait_for_is_found_by_the_search_sent_right_after_its_answer()
    {
        for (var n = 0; n < Writes; n++)
        {
            var word = Word("wfqput", n);
            var put = await admin.PutAsync($"/articles/refresh-put-{n}?refresh=wait_for", Article(word));

            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(["true"], put.Headers.GetValues(WriteRefresh.Header));
            Assert.Equal($"refresh-put-{n}", Assert.Single((await admin.GetOk<SearchAnswer>($"/search?q={word}")).Hits).ArticleId);
        }
    }

    [Fact]
    public async Task A_delete_with_refresh_wait_for_is_gone_from_the_search_sent_right_after_its_answer()
    {
        for (var n = 0; n < Writes; n++)
        {
            var word = Word("wfqdel", n);
            await admin.PutAsync($"/articles/refresh-delete-{n}", Article(word));

            var deleted = await admin.DeleteAsync($"/articles/refresh-delete-{n}?refresh=wait_for");

            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Equal(["true"], deleted.Headers.GetValues(WriteRefresh.Header));
            Assert.Equal(0, (await admin.GetOk<SearchAnswer>($"/search?q={word}")).Total);
        }
    }

    [Fact]
    public async Task A_bulk_write_with_refresh_wait_for_is_found_whole_by_the_search_sent_right_after_its_answer()
    {
        var lines = string.Join('\n', Enumerable.Range(0, Writes).Select(n =>
            $$"""{"id": "refresh-bulk-{{n}}", "title": "Bulk", "paragraphs": ["The wfqbulk {{Word("wfqbulkone", n)}} was written."]}"""));

        var bulk = await admin.PostAsync("/articles/_bulk?refresh=wait_for", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(Writes, (await bulk.ReadOk<BulkAnswer>()).Written);
        Assert.Equal(["true"], bulk.Headers.GetValues(WriteRefresh.Header));
        Assert.Equal(Writes, (await admin.GetOk<SearchAnswer>("/search?q=wfqbulk")).Total);
    }

    [Fact]
    public async Task A_write_without_refresh_says_nothing_of_it()
    {
        var put = await admin.PutAsync("/articles/refresh-none", Article("wfqnone"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.False(put.Headers.Contains(WriteRefresh.Header));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("")]
    [InlineData("WAIT_FOR")]
    public async Task Any_other_refresh_is_a_400_naming_refresh_and_writes_nothing(string refresh)
    {
        var put = await admin.PutAsync($"/articles/refresh-bad?refresh={refresh}", Article("wfqbad"));
        var bulk = await admin.PostAsync($"/articles/_bulk?refresh={refresh}",
            new StringContent("""{"id": "refresh-bad", "title": "Bad", "paragraphs": ["wfqbad"]}""", Encoding.UTF8, "application/x-ndjson"));
        await admin.PutAsync("/articles/refresh-kept", Article("wfqkept"));
        var delete = await admin.DeleteAsync($"/articles/refresh-kept?refresh={refresh}");

        foreach (var answer in new[] { put, bulk, delete })
            Assert.Equal("refresh", (await answer.ReadProblem(HttpStatusCode.BadRequest)).Parameter);
        await admin.GetProblem("/articles/refresh-bad", HttpStatusCode.NotFound);
        await admin.GetOk<ArticleAnswer>("/articles/refresh-kept");
    }
}
