using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>The publisher's fields of an article (url, byline, section, language, fields) written through the API and read back.</summary>
public sealed class PublisherFieldsEndpointTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private static JsonContent Story(object publisherFields)
    {
        var body = JsonSerializer.SerializeToNode(publisherFields)!.AsObject();
        body["title"] = "Narwhal tusks studied";
        body["date"] = "2024-06-03";
        body["paragraphs"] = new JsonArray("Biologists in Greenland tagged narwhals to study how the tusks sense cold water.");
        return JsonContent.Create(body);
    }

    [Fact]
    public async Task An_article_s_publisher_fields_are_in_the_article_and_in_its_search_hits()
    {
        var put = await admin.PutAsync("/articles/narwhal-tusks", Story(new
        {
            url = "https://www.example-news.com/science/narwhal-tusks",
            byline = "Ruth Gant",
            section = "Science",
            language = "en",
            fields = new { desk = "Arctic" },
        }));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var article = await admin.GetOk<ArticleAnswer>("/articles/narwhal-tusks");
        var hit = (await admin.GetOk<SearchAnswer>("/search?q=narwhal")).Hits.Single(h => h.ArticleId == "narwhal-tusks");

        Assert.Equal(("https://www.example-news.com/science/narwhal-tusks", "Ruth Gant", "Science", "en"), (article.Url, article.Byline, article.Section, article.Language));
        Assert.Equal("Arctic", article.Fields!["desk"]);
        Assert.Equal(("https://www.example-news.com/science/narwhal-tusks", "Ruth Gant", "Science", "en"), (hit.Url, hit.Byline, hit.Section, hit.Language));
        Assert.Equal("Arctic", hit.Fields!["desk"]);
    }

    [Fact]
    public async Task An_export_line_carries_the_publisher_fields()
    {
        await admin.PutAsync("/articles/walrus-count", Story(new { url = "https://www.example-news.com/walrus", section = "Science", fields = new { desk = "Arctic" } }));

        var line = (await admin.GetStringAsync("/export?q=narwhals+OR+walrus")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).First(l => l.GetProperty("articleId").GetString() == "walrus-count");

        Assert.Equal("https://www.example-news.com/walrus", line.GetProperty("url").GetString());
        Assert.Equal("Arctic", line.GetProperty("fields").GetProperty("desk").GetString());
    }

    [Fact]
    public async Task A_relative_url_is_a_400_naming_url_and_nothing_is_written()
    {
        var problem = await (await admin.PutAsync("/articles/relative-url", Story(new { url = "/science/narwhal-tusks" }))).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("url", problem.Parameter);
        await admin.GetProblem("/articles/relative-url", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_field_value_that_is_not_a_string_is_a_400_naming_the_field()
    {
        var problem = await (await admin.PutAsync("/articles/numeric-field", Story(new { fields = new { pages = 4 } }))).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("fields.pages", problem.Parameter);
    }

    [Fact]
    public async Task A_bulk_line_with_a_bad_url_is_refused_naming_url_and_the_others_are_written()
    {
        const string lines = """
            {"id": "bulk-seal-1", "title": "Seals", "url": "https://www.example-news.com/seals", "paragraphs": ["Seal pups were counted on the ice."]}
            {"id": "bulk-seal-2", "title": "Seals", "url": "mailto:desk@example-news.com", "paragraphs": ["Seal pups were counted again."]}
            """;
        var answer = await (await admin.PostAsync("/articles/_bulk", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"))).ReadOk<BulkAnswer>();

        Assert.Equal((2, 1, 1), (answer.Lines, answer.Written, answer.Failed));
        Assert.Contains("url", answer.Errors.Single().Problem);
    }
}
