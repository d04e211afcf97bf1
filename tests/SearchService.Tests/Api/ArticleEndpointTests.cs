using System.Net;

namespace SearchService.Tests.Api;

public sealed class ArticleEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Article_has_its_metadata_and_ten_paragraphs_with_facets()
    {
        var article = await client.GetOk($"/articles/{SeedApiFactory.SeedId}");
        Assert.Equal("Global terrorism: Pakistan, Russia agree to broaden engagement", (string)article["title"]!);
        Assert.Equal(("Recorder Report", "ISLAMABAD", "Business Recorder"), ((string)article["byline"]!, (string)article["dateline"]!, (string)article["source"]!));
        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 10), paragraphs.Select(p => (int)p!["paragraph"]!));
        Assert.Equal($"{SeedApiFactory.SeedId}#8", (string)paragraphs[7]!["id"]!);
        Assert.Contains("Afghanistan", paragraphs[7]!["region"].Strings());
        Assert.Contains("Pakistan", article["region"].Strings());
    }

    [Fact]
    public async Task Unknown_article_is_a_404_problem_naming_the_id()
    {
        var problem = await client.GetProblem("/articles/no-such-article", HttpStatusCode.NotFound);
        Assert.Equal("id", (string)problem["parameter"]!);
        Assert.Contains("no-such-article", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Path_traversal_in_an_id_is_just_an_unknown_article()
    {
        await client.GetProblem("/articles/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound);
    }
}
