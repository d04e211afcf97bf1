using System.Net;
using System.Text.Json.Nodes;

namespace SearchService.Tests.Api;

/// <summary>
/// Every number or true/false query parameter the OpenAPI document lists, on every endpoint, answers a value that does
/// not parse with a problem naming it (the generated request delegates alone would answer a bare 400).
/// </summary>
public sealed class QueryValueCheckTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Every_number_or_true_false_query_parameter_that_does_not_parse_is_a_problem_naming_it()
    {
        var parameters = await ParsedQueryParameters();
        Assert.Contains(parameters, p => p.Path == "/search" && p.Name == "regionTree");
        Assert.Contains(parameters, p => p.Path == "/suggest" && p.Name == "size");

        foreach (var (method, path, name) in parameters)
        {
            var url = Routed(path) + "?" + name + "=abc";
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True((string?)problem["parameter"] == name, $"{method} {url} named {problem["parameter"]}");
            Assert.Contains("'abc'", (string?)problem["detail"]);
        }
    }

    [Fact]
    public async Task Two_values_of_one_number_parameter_are_a_problem_naming_it()
    {
        var response = await admin.GetAsync("/suggest?q=pak&size=1&size=2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("size", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["parameter"]);
    }

    /// <summary>Each operation's query parameters whose schema is an integer or a boolean.</summary>
    private async Task<List<(string Method, string Path, string Name)>> ParsedQueryParameters() =>
        (from path in (await admin.GetOk("/openapi/v1.json"))["paths"]!.AsObject()
         from operation in path.Value!.AsObject()
         from parameter in operation.Value!["parameters"]?.AsArray() ?? []
         where (string?)parameter!["in"] == "query" && TypesOf(parameter["schema"]).Overlaps(["integer", "boolean"])
         select (operation.Key, path.Key, (string)parameter["name"]!)).ToList();

    private static HashSet<string> TypesOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string)t!).ToHashSet(),
        JsonValue type => [(string)type!],
        _ => [],
    };

    /// <summary>The path with its route values filled in: the seed article, a facet's name, any other id.</summary>
    private static string Routed(string path) => path
        .Replace("{id}", Uri.EscapeDataString(SeedApiFactory.SeedId))
        .Replace("{name}", "region")
        .Replace("{version}", "1");
}
