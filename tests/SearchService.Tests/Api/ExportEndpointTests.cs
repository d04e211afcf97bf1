using System.Net;
using System.Text.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class ExportEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task An_export_is_json_lines_with_a_hit_s_fields_but_no_text_or_snippet()
    {
        using var response = await client.GetAsync("/export?q=terrorism");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var fields = JsonDocument.Parse(lines[0]).RootElement.EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(new[] { "articleId", "byline", "date", "id", "paragraph", "region", "score", "source", "speaker", "title", "topic" }, fields);
    }

    [Fact]
    public async Task A_query_that_is_not_lucene_syntax_is_a_problem_naming_q()
    {
        var problem = await client.GetProblem("/export?q=%22unclosed&syntax=lucene", HttpStatusCode.BadRequest);

        Assert.Equal("q", problem.Parameter);
    }

    [Fact]
    public async Task A_bad_date_is_a_problem_naming_from()
    {
        var problem = await client.GetProblem("/export?q=terrorism&from=yesterday", HttpStatusCode.BadRequest);

        Assert.Equal("from", problem.Parameter);
    }

    [Fact]
    public async Task The_export_is_in_the_openapi_document_with_a_description_and_its_line_schema()
    {
        var export = (await client.GetOk("/openapi/v1.json"))["paths"]!["/export"]!["get"]!;

        Assert.False(string.IsNullOrWhiteSpace((string?)export["description"]));
        Assert.NotNull(export["responses"]!["200"]!["content"]!["application/x-ndjson"]);
    }
}
