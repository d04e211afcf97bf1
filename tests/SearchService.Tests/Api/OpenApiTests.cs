namespace SearchService.Tests.Api;

public sealed class OpenApiTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

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
        Assert.Equal(["q", "syntax", "region", "topic", "speaker", "collapse", "from", "to", "page", "pageSize", "facetSize", "regionTree", "sort", "dateFacet", "explain", "rerank"], names);
        Assert.All(parameters, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)p!["description"]), $"{p["name"]} has no description");
            Assert.True(p["example"] is not null || p["schema"]?["example"] is not null || p["examples"] is not null, $"{p["name"]} has no example");
        });
    }

    [Fact]
    public async Task Facet_value_search_lists_only_the_parameters_it_reads()
    {
        var parameters = (await client.GetOk("/openapi/v1.json"))["paths"]!["/facets/{name}"]!["get"]!["parameters"]!.AsArray();

        Assert.Equal(["name", "q", "syntax", "region", "topic", "speaker", "collapse", "from", "to", "prefix", "size"], parameters.Select(p => (string)p!["name"]!));
    }
}
