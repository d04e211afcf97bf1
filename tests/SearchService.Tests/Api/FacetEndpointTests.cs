using System.Net;

namespace SearchService.Tests.Api;

public sealed class FacetEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Prefix_matches_the_start_of_any_word_of_a_value()
    {
        var result = await client.GetOk("/facets/speaker?prefix=syro");
        Assert.Equal(["Oleg V Syromolotov"], result["values"].Values());
    }

    [Fact]
    public async Task Counts_agree_with_the_search_under_the_same_query()
    {
        var search = await client.GetOk("/search?q=terrorism&facetSize=1000");
        var pakistan = search["facets"]!["region"]!.AsArray().Single(v => (string)v!["value"]! == "Pakistan")!;
        var values = (await client.GetOk("/facets/region?prefix=pak&q=terrorism"))["values"]!.AsArray();
        Assert.Equal((int)pakistan["count"]!, (int)values.Single()!["count"]!);
    }

    [Fact]
    public async Task Collapsed_counts_are_in_articles()
    {
        var result = await client.GetOk("/facets/region?prefix=pak&collapse=article");
        Assert.Equal(("articles", 1), ((string)result["unit"]!, (int)result["values"]![0]!["count"]!));
    }

    [Fact]
    public async Task Unknown_facet_is_a_400_naming_it()
    {
        var problem = await client.GetProblem("/facets/colour", HttpStatusCode.BadRequest);
        Assert.Equal("name", (string)problem["parameter"]!);
    }
}
