using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class ArticleEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Article_has_its_metadata_and_ten_paragraphs_with_facets()
    {
        var article = await client.GetOk<ArticleAnswer>($"/articles/{SeedApiFactory.SeedId}");
        Assert.Equal("Global terrorism: Pakistan, Russia agree to broaden engagement", article.Title);
        Assert.Equal(("Recorder Report", "ISLAMABAD", "Business Recorder"), (article.Byline, article.Dateline, article.Source));
        Assert.Equal(Enumerable.Range(1, 10), article.Paragraphs.Select(p => p.Paragraph));
        Assert.Equal($"{SeedApiFactory.SeedId}#8", article.Paragraphs[7].Id);
        Assert.Contains("Afghanistan", article.Paragraphs[7].Region);
        Assert.Contains("Pakistan", article.Region);
    }

    [Fact]
    public async Task Unknown_article_is_a_404_problem_naming_the_id()
    {
        var problem = await client.GetProblem("/articles/no-such-article", HttpStatusCode.NotFound);
        Assert.Equal("id", problem.Parameter);
        Assert.Contains("no-such-article", problem.Detail);
    }

    [Fact]
    public async Task Path_traversal_in_an_id_is_just_an_unknown_article()
    {
        await client.GetProblem("/articles/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound);
    }
}
