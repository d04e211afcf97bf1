using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Region filters reach down the hierarchy (region=Asia finds Pakistan), and regionTree=true nests the counts.</summary>
public sealed class RegionHierarchyTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    private async Task<List<int>> ParagraphsWhoseRegionsInclude(params string[] regions)
    {
        var article = await client.GetOk<ArticleAnswer>($"/articles/{SeedApiFactory.SeedId}");
        return article.Paragraphs
            .Where(p => p.Region.Intersect(regions).Any())
            .Select(p => p.Paragraph)
            .ToList();
    }

    private async Task<List<int>> ParagraphsFound(string query)
    {
        var result = await client.GetOk<SearchAnswer>($"/search?{query}&pageSize=100");
        return result.Hits.Select(h => h.Paragraph).Order().ToList();
    }

    [Fact]
    public async Task Region_Asia_matches_the_paragraphs_about_Asian_countries_and_regions()
    {
        var expected = await ParagraphsWhoseRegionsInclude("Pakistan", "Afghanistan", "South Asia", "Central Asia", "Asia");
        Assert.Contains(8, expected);
        Assert.Equal(expected, await ParagraphsFound("region=Asia"));
    }

    [Fact]
    public async Task Region_South_Asia_includes_the_paragraph_about_Afghanistan() =>
        Assert.Contains(8, await ParagraphsFound("region=South%20Asia"));

    [Fact]
    public async Task Region_Europe_does_not_match_paragraphs_about_Pakistan_alone()
    {
        var europe = await ParagraphsFound("region=Europe");
        var russia = await ParagraphsWhoseRegionsInclude("Russia");
        Assert.Equal(russia, europe);
    }

    [Fact]
    public async Task Region_tree_nests_Pakistan_under_South_Asia_under_Asia()
    {
        var tree = (await client.GetOk<SearchAnswer>("/search?regionTree=true")).Facets.RegionTree;
        var asia = Child(tree, "Asia");
        var southAsia = Child(asia.Children, "South Asia");
        var pakistan = Child(southAsia.Children, "Pakistan");
        Assert.True(asia.Count >= southAsia.Count);
        Assert.True(southAsia.Count >= pakistan.Count);
        Assert.Equal((await ParagraphsWhoseRegionsInclude("Pakistan")).Count, pakistan.Count);
    }

    [Fact]
    public async Task Region_tree_is_left_out_unless_asked_for()
    {
        var facets = (await client.GetOk("/search"))["facets"]!.AsObject();
        Assert.False(facets.ContainsKey("regionTree"));
    }

    [Fact]
    public async Task Region_tree_that_is_not_a_boolean_is_a_problem_naming_it()
    {
        var problem = await client.GetProblem("/search?regionTree=maybe", System.Net.HttpStatusCode.BadRequest);
        Assert.Equal("regionTree", problem.Parameter);
    }

    private static FacetTreeNodeAnswer Child(List<FacetTreeNodeAnswer>? nodes, string value)
    {
        Assert.NotNull(nodes);
        return nodes.Single(n => n.Value == value);
    }
}
