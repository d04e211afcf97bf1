using System.Net;

namespace SearchService.Tests.Api;

public sealed class OpenApiTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task The_document_is_built_once_and_then_served_from_the_cache()
    {
        await client.GetOk("/openapi/v1.json");

        var again = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task Document_lists_every_endpoint()
    {
        var paths = (await client.GetOk("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Superset(new HashSet<string> { "/search", "/articles/{id}", "/health" }, paths.ToHashSet());
    }

    [Fact]
    public async Task Every_search_parameter_is_described_with_an_example()
    {
        var parameters = (await client.GetOk("/openapi/v1.json"))["paths"]!["/search"]!["get"]!["parameters"]!.AsArray();
        var names = parameters.Select(p => (string)p!["name"]!).ToList();
        Assert.Equal(["q", "syntax", "region", "topic", "speaker", "collapse", "from", "to", "page", "pageSize", "facetSize", "regionTree", "sort", "dateFacet", "explain", "rerank", "after", "recency", "minVersion"], names);
        Assert.All(parameters, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)p!["description"]), $"{p["name"]} has no description");
            Assert.True(p["example"] is not null || p["schema"]?["example"] is not null || p["examples"] is not null, $"{p["name"]} has no example");
        });
    }

    [Fact]
    public async Task No_query_parameter_is_declared_required()
    {
        var required = (from path in (await client.GetOk("/openapi/v1.json"))["paths"]!.AsObject()
                        from operation in path.Value!.AsObject()
                        from parameter in operation.Value!["parameters"]?.AsArray() ?? []
                        where (string?)parameter!["in"] == "query" && (bool?)parameter["required"] == true
                        select $"{operation.Key} {path.Key} {parameter["name"]}").ToList();

        Assert.Empty(required);
    }

    [Fact]
    public async Task Facet_value_search_lists_only_the_parameters_it_reads()
    {
        var parameters = (await client.GetOk("/openapi/v1.json"))["paths"]!["/facets/{name}"]!["get"]!["parameters"]!.AsArray();

        Assert.Equal(["name", "q", "syntax", "region", "topic", "speaker", "collapse", "from", "to", "prefix", "size", "minVersion"], parameters.Select(p => (string)p!["name"]!));
    }

    [Fact]
    public async Task Every_error_answer_is_a_problem_with_the_ProblemDetails_schema()
    {
        var errors = (from path in (await client.GetOk("/openapi/v1.json"))["paths"]!.AsObject()
                      from operation in path.Value!.AsObject()
                      from response in operation.Value!["responses"]!.AsObject()
                      where response.Key[0] is '4' or '5'
                      select (Name: $"{operation.Key} {path.Key} {response.Key}", Response: response.Value!)).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.True(
            (string?)error.Response["content"]?["application/problem+json"]?["schema"]?["$ref"] == "#/components/schemas/ProblemDetails",
            $"{error.Name} is not a ProblemDetails problem"));
    }

    [Fact]
    public async Task Writes_need_the_admin_key_and_searches_take_the_search_key_where_one_is_set()
    {
        var paths = (await client.GetOk("/openapi/v1.json"))["paths"]!;

        Assert.Equal("""[{"adminKey":[]}]""", paths["/articles/{id}"]!["put"]!["security"]!.ToJsonString());
        Assert.Equal("""[{},{"searchKey":[]},{"adminKey":[]}]""", paths["/search"]!["get"]!["security"]!.ToJsonString());
        Assert.Null(paths["/health/live"]!["get"]!["security"]);
    }
}
