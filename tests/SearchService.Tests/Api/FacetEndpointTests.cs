using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class FacetEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Prefix_matches_the_start_of_any_word_of_a_value()
    {
        var result = await client.GetOk<FacetValuesAnswer>("/facets/speaker?prefix=syro");
        Assert.Equal(["Oleg V Syromolotov"], result.Values.Select(v => v.Value));
    }

    [Fact]
    public async Task Counts_agree_with_the_search_under_the_same_query()
    {
        var search = await client.GetOk<SearchAnswer>("/search?q=terrorism&facetSize=1000");
        var pakistan = search.Facets.Region.Single(v => v.Value == "Pakistan");
        var values = (await client.GetOk<FacetValuesAnswer>("/facets/region?prefix=pak&q=terrorism")).Values;
        Assert.Equal(pakistan.Count, values.Single().Count);
    }

    [Fact]
    public async Task Collapsed_counts_are_in_articles()
    {
        var result = await client.GetOk<FacetValuesAnswer>("/facets/region?prefix=pak&collapse=article");
        Assert.Equal(("articles", 1), (result.Unit, result.Values[0].Count));
    }

    [Fact]
    public async Task A_facet_name_is_read_whatever_its_case_as_the_query_parameters_are()
    {
        var lower = await client.GetOk<FacetValuesAnswer>("/facets/region?prefix=pak&q=terrorism");
        var capitalised = await client.GetOk<FacetValuesAnswer>("/facets/Region?prefix=pak&q=terrorism");

        Assert.Equal("region", capitalised.Facet);
        Assert.Equal(lower.Values.Select(v => (v.Value, v.Count)), capitalised.Values.Select(v => (v.Value, v.Count)));
        Assert.NotEmpty(capitalised.Values);
    }

    [Fact]
    public async Task Unknown_facet_is_a_400_naming_it()
    {
        var problem = await client.GetProblem("/facets/colour", HttpStatusCode.BadRequest);
        Assert.Equal("name", problem.Parameter);
    }
}
