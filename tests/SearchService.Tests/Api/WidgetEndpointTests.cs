using System.Net;
using System.Text.RegularExpressions;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed partial class WidgetEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task The_script_address_imports_the_current_version_and_is_cached_briefly()
    {
        var response = await client.GetAsync("/widget/search-box.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        Assert.Matches(VersionedImport(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_versioned_script_is_the_component_and_may_be_cached_for_a_year()
    {
        var version = VersionedImport().Match(await client.GetStringAsync("/widget/search-box.js")).Groups[1].Value;

        var response = await client.GetAsync($"/widget/search-box.{version}.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.Contains("customElements.define(\"search-box\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_version_this_service_does_not_have_is_not_found()
    {
        await client.GetProblem("/widget/search-box.000000000000.js", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_demo_page_embeds_the_box_and_shows_the_two_lines_with_this_service_address()
    {
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<search-box endpoint=\"http://localhost\" query=\"\"></search-box>", html);
        Assert.Contains("&lt;search-box endpoint=\"http://localhost\"&gt;&lt;/search-box&gt;", html);
        Assert.Contains("&lt;script src=\"http://localhost/widget/search-box.js\" type=\"module\"&gt;&lt;/script&gt;", html);
    }

    [Fact]
    public async Task The_demo_page_starts_with_the_search_in_its_address_as_text()
    {
        var html = await client.GetStringAsync("/?q=" + Uri.EscapeDataString("\"><script>alert(1)</script>"));
        Assert.Contains("query=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    [Fact]
    public async Task The_article_page_has_each_paragraph_as_a_link_target()
    {
        var article = await client.GetOk<ArticleAnswer>($"/articles/{SeedApiFactory.SeedId}");
        var html = await client.GetStringAsync($"/view/{SeedApiFactory.SeedId}");

        Assert.Contains($"<title>{article.Title}</title>", html);
        Assert.Contains($"<p id=\"p{article.Paragraphs.Count}\">", html);
        Assert.Contains("p:target", html);
    }

    [Fact]
    public async Task The_article_page_of_an_unknown_id_is_a_page_saying_so_for_a_browser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/view/no-such-article.txt");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No article with id “no-such-article.txt”", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_article_page_of_an_unknown_id_is_a_problem_naming_id_for_a_program()
    {
        var problem = await client.GetProblem("/view/no-such-article.txt", HttpStatusCode.NotFound);
        Assert.Equal("id", problem.Parameter);
    }

    [GeneratedRegex("""^import "\./search-box\.([0-9a-f]{12})\.js";\s*$""")]
    private static partial Regex VersionedImport();
}
