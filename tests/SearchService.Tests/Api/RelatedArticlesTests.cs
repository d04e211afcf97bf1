using System.Net;
using System.Text.Json;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary><c>GET /articles/{id}/related</c> over the seed article and short news on three subjects.</summary>
public sealed class RelatedArticlesTests(RelatedArticlesTests.NewsApiFactory api) : IClassFixture<RelatedArticlesTests.NewsApiFactory>
{
    public sealed class NewsApiFactory : SeedApiFactory
    {
        protected override void AddToCorpus(TempDirectory folder) =>
            File.WriteAllLines(folder.Combine("news.jsonl"), RelatedNews.Articles.Select(a => JsonSerializer.Serialize(new
            {
                id = a.Article.Id,
                title = a.Article.Title,
                date = a.Article.Date,
                paragraphs = a.Article.Paragraphs,
            })));
    }

    private const string Opec = "/articles/" + RelatedNews.OpecSource + "/related";

    [Fact]
    public async Task Articles_on_the_same_subject_come_first_and_never_the_article_itself()
    {
        using var client = api.CreateClient();

        var related = await client.GetOk<RelatedAnswer>(Opec + "?size=3");

        Assert.Equal("words", related.By);
        Assert.Equal(["opec-kuwait-quota", "opec-nigeria-barrels", "opec-saudi-prices"], related.Hits.Select(h => h.ArticleId).Order());
    }

    [Fact]
    public async Task Filters_work_as_in_search()
    {
        using var client = api.CreateClient();

        var related = await client.GetOk<RelatedAnswer>(Opec + "?region=Kuwait");

        Assert.Equal(["opec-kuwait-quota"], related.Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public async Task By_both_fuses_words_with_meaning_and_gives_each_article_its_similarity()
    {
        using var client = api.CreateClient();

        var related = await client.GetOk<RelatedAnswer>(Opec + "?by=both&size=3");

        Assert.Equal("both", related.By);
        Assert.Equal(["opec-kuwait-quota", "opec-nigeria-barrels", "opec-saudi-prices"], related.Hits.Select(h => h.ArticleId).Order());
        Assert.All(related.Hits, hit => Assert.InRange(hit.Similarity!.Value, -1, 1));
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_naming_id()
    {
        using var client = api.CreateClient();

        var problem = await client.GetProblem("/articles/no-such-article/related", HttpStatusCode.NotFound);

        Assert.Equal("id", problem.Parameter);
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("size=51", "size")]
    [InlineData("by=rhyme", "by")]
    [InlineData("from=yesterday", "from")]
    [InlineData("size=ten", "size")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var client = api.CreateClient();

        var problem = await client.GetProblem($"{Opec}?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.Parameter);
    }

    [Fact]
    public async Task The_article_page_lists_related_articles_linking_to_their_pages()
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/view/" + RelatedNews.OpecSource);
        request.Headers.Accept.ParseAdd("text/html");

        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"/view/opec-kuwait-quota\">Kuwait says OPEC output quota holds</a>", page);
        Assert.DoesNotContain($"<a href=\"/view/{RelatedNews.OpecSource}\">", page);
    }

    [Fact]
    public async Task An_article_is_still_found_by_its_plain_id_when_related_articles_have_their_own_route()
    {
        using var client = api.CreateClient();

        var article = await client.GetOk<ArticleAnswer>("/articles/" + RelatedNews.OpecSource);

        Assert.Equal("OPEC keeps its output ceiling", article.Title);
    }
}
