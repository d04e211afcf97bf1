using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Writes through the API: keys, answers, and that what was written is searchable when the answer comes.</summary>
public sealed class AdminEndpointTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private static JsonContent Article(string title, params string[] paragraphs) =>
        JsonContent.Create(new { title, date = "2024-05-01", paragraphs });

    [Fact]
    public async Task Put_article_is_searchable_as_soon_as_the_answer_comes()
    {
        var response = await admin.PutAsync("/articles/api-zanzibar", Article("Clove harvest", "Zanzibar clove farmers expect a record harvest."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var search = await admin.GetOk<SearchAnswer>("/search?q=zanzibar");
        Assert.Equal("api-zanzibar", search.Hits[0].ArticleId);
    }

    [Fact]
    public async Task Put_again_replaces_every_paragraph_of_the_article()
    {
        await admin.PutAsync("/articles/api-replaced", Article("Old", "Quokka census begins.", "Quokka numbers rise."));
        var response = await admin.PutAsync("/articles/api-replaced", Article("New", "Wombat census begins."));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(0, (await admin.GetOk<SearchAnswer>("/search?q=quokka")).Total);
        var article = await admin.GetOk<ArticleAnswer>("/articles/api-replaced");
        Assert.Single(article.Paragraphs);
    }

    [Fact]
    public async Task A_block_of_twenty_thousand_attributions_is_cut_into_paragraphs_and_answers_with_statements_and_snippets_of_bounded_length()
    {
        // Each of its statements ran to the paragraph's end, and each snippet fragment was weighed against every match:
        // an 880 KB paragraph like it had the service killed for memory (23 GB) on one PUT, and searching it never ended.
        var paragraph = string.Concat(Enumerable.Repeat("zebu hides \"said Smithers\" ", 20_000));

        var response = await admin.PutAsync("/articles/api-attributions", Article("Zebu hides", paragraph));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // Cut into paragraphs of at most 10,000 characters.
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paragraphs").GetInt32() > 50);
        var search = await admin.GetOk<SearchAnswer>("/search?q=zebu%20hides%20smithers%20said%20price%20rise");
        var hits = search.Hits.Where(h => h.ArticleId == "api-attributions").ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.True(hit.Snippet.Length < 1_000, hit.Snippet));
        var quotes = await admin.GetOk<QuoteAnswer>("/quotes?q=zebu&pageSize=100");
        Assert.True(quotes.Total > 10_000, $"{quotes.Total} statements");
        var longest = quotes.Hits.Max(h => h.Text.Length);
        Assert.True(longest < 10_000, $"a statement of {longest} characters");
    }

    [Fact]
    public async Task X_Api_Key_header_is_accepted_as_well_as_a_bearer_token()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminApiFactory.AdminKey);
        var response = await client.PutAsync("/articles/api-header-key", Article("Header", "Sent with the header key."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Write_without_a_key_is_refused_with_401()
    {
        using var client = api.CreateClient();
        var refused = await client.PutAsync("/articles/api-nokey", Article("No key", "Nobody may write this."));
        var problem = await refused.ReadProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("admin key", problem.Detail);
        Assert.Contains(refused.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        await admin.GetProblem("/articles/api-nokey", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Write_with_a_wrong_key_is_refused_with_401()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminApiFactory.AdminKey + "x");
        var refused = await client.DeleteAsync("/articles/" + SeedApiFactory.SeedId);
        await refused.ReadProblem(HttpStatusCode.Unauthorized);
        Assert.Contains(refused.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        await admin.GetOk<ArticleAnswer>("/articles/" + SeedApiFactory.SeedId);
    }

    [Fact]
    public async Task Delete_removes_the_article_and_unknown_ids_are_404()
    {
        await admin.PutAsync("/articles/api-deleted", Article("Doomed", "Platypus sighting reported."));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/articles/api-deleted")).StatusCode);

        Assert.Equal(0, (await admin.GetOk<SearchAnswer>("/search?q=platypus")).Total);
        var problem = await (await admin.DeleteAsync("/articles/api-deleted")).ReadProblem(HttpStatusCode.NotFound);
        Assert.Equal("id", problem.Parameter);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/../b")]
    public async Task Id_that_climbs_out_of_a_folder_is_refused_naming_id(string id)
    {
        var refused = await admin.PutAsync("/articles/" + id.Replace("/", "%2F"), Article("Bad", "Bad id."));
        var problem = await refused.ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("id", problem.Parameter);
    }

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\u007fb")]
    public async Task Id_with_a_control_character_is_refused_naming_id(string id)
    {
        var refused = await admin.PutAsync("/articles/" + Uri.EscapeDataString(id), Article("Bad", "Bad id."));
        var problem = await refused.ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("id", problem.Parameter);
    }

    [Fact]
    public async Task Body_id_that_differs_from_the_path_is_refused_naming_id()
    {
        var body = JsonContent.Create(new { id = "other", title = "t", paragraphs = new[] { "p" } });
        var problem = await (await admin.PutAsync("/articles/api-mismatch", body)).ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("id", problem.Parameter);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_refused_saying_where_in_the_servers_words()
    {
        var content = new StringContent("{\"title\": \"Probe\",\n  oops}", Encoding.UTF8, "application/json");
        var problem = await (await admin.PutAsync("/articles/api-notjson", content)).ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("body", problem.Parameter);
        Assert.Equal("The body is not valid JSON (line 2, byte 3).", problem.Detail);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"title\": \"no paragraphs\"}")]
    public async Task Body_that_is_not_an_article_is_refused_naming_body(string body)
    {
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await (await admin.PutAsync("/articles/api-badbody", content)).ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal("body", problem.Parameter);
    }

    [Fact]
    public async Task Bulk_writes_the_good_lines_and_reports_the_bad_ones()
    {
        var lines = string.Join('\n',
            """{"id": "bulk-1", "title": "One", "paragraphs": ["Narwhal migration starts early."]}""",
            """{"id": "bulk-2", "title": "Two", "body": "Narwhal calves spotted.\n\nA second paragraph."}""",
            """{"id": "bulk-3", "title": "Three", "paragraphs": [""",
            """{"id": "../../etc/passwd", "title": "Four", "paragraphs": ["Narwhal."]}""");
        var response = await admin.PostAsync("/articles/_bulk", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        var answer = await response.ReadOk<BulkAnswer>();

        Assert.Equal((4, 2, 2), (answer.Lines, answer.Written, answer.Failed));
        Assert.Equal([3, 4], answer.Errors.Select(e => e.Line));
        Assert.Equal(2, (await admin.GetOk<SearchAnswer>("/search?q=narwhal")).Total);
    }

    [Fact]
    public async Task Rebuild_keeps_the_corpus_and_the_articles_written_through_the_api()
    {
        await admin.PutAsync("/articles/api-survivor", Article("Survivor", "Axolotl breeding programme expands."));
        var response = await admin.PostAsync("/index/_rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await WaitUntilReady();
        Assert.Equal(1, (await admin.GetOk<SearchAnswer>("/search?q=axolotl")).Total);
        await admin.GetOk<ArticleAnswer>("/articles/" + SeedApiFactory.SeedId);
    }

    private async Task WaitUntilReady()
    {
        for (var i = 0; i < 600; i++)
        {
            await Task.Delay(50);
            if ((await admin.GetOk<HealthAnswer>("/health")).Status == "ready")
                return;
        }
        throw new TimeoutException("The rebuild did not finish within 30 s.");
    }

    [Theory]
    [InlineData("PUT", "/articles/cotton-1", "text/plain")]
    [InlineData("POST", "/articles/_bulk", "application/json")]
    public async Task A_body_of_a_type_the_endpoint_does_not_read_is_a_415_problem_naming_Content_Type(string method, string path, string type)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"title\":\"Cotton\"}", Encoding.UTF8, type) };

        using var answer = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = ApiJson.Read<ProblemAnswer>(await answer.Content.ReadAsStringAsync());
        Assert.Equal("Content-Type", problem.Parameter);
        Assert.Contains($"'{type}; charset=utf-8'", problem.Detail);
    }
}
