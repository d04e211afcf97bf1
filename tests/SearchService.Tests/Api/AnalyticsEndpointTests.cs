using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Api.Analytics;
using SearchService.Api.Endpoints;

namespace SearchService.Tests.Api;

/// <summary>Search analytics through real HTTP over the seed article: searches counted by /search, clicks posted as a search box posts them.</summary>
public sealed class AnalyticsEndpointTests(AnalyticsEndpointTests.Factory api) : IClassFixture<AnalyticsEndpointTests.Factory>
{
    public sealed class Factory : AdminApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:Analytics:SuggestAfterSearches", "2");
        }
    }

    private readonly HttpClient client = api.CreateClient();

    private static StringContent Click(string json, string mediaType = "text/plain") => new(json, Encoding.UTF8, mediaType);

    [Fact]
    public async Task Searches_zero_result_searches_and_clicks_show_in_the_report()
    {
        await client.GetOk("/search?q=Counter+Terrorism+cooperation");
        await client.GetOk("/search?q=counter%20terrorism%20cooperation&page=2");
        await client.GetOk("/search?q=zyxwvut+quokka");
        var click = await client.PostAsync("/analytics/click", Click("""{"q": "Counter Terrorism cooperation", "position": 1}"""));
        Assert.Equal(HttpStatusCode.NoContent, click.StatusCode);

        var report = await api.CreateAdminClient().GetOk("/analytics?size=100");

        var counted = report["topQueries"]!.AsArray().Single(q => (string?)q!["query"] == "counter terrorism cooperation")!;
        Assert.Equal((1, 1), ((int)counted["searches"]!, (int)counted["clicks"]!));
        Assert.Contains(report["topZeroResultQueries"]!.AsArray(), q => (string?)q!["query"] == "zyxwvut quokka");
    }

    [Fact]
    public async Task A_click_posted_as_json_is_taken_too()
    {
        var click = await client.PostAsync("/analytics/click", Click("""{"q": "pakistan", "position": 3}""", "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, click.StatusCode);
    }

    [Fact]
    public async Task The_report_needs_the_admin_key()
    {
        var response = await client.GetAsync("/analytics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/analytics?from=03/12/2026", "from")]
    [InlineData("/analytics?to=yesterday", "to")]
    [InlineData("/analytics?from=2026-12-03&to=2026-12-01", "from")]
    [InlineData("/analytics?size=0", "size")]
    public async Task A_bad_report_parameter_is_a_problem_naming_it(string url, string parameter)
    {
        var problem = await api.CreateAdminClient().GetProblem(url, HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.Parameter);
    }

    [Theory]
    [InlineData("""{"position": 1}""", "q")]
    [InlineData("""{"q": "oil", "position": 0}""", "position")]
    [InlineData("""{"q": "oil"}""", "position")]
    [InlineData("""q=oil&position=1""", "body")]
    public async Task A_bad_click_report_is_a_problem_naming_what_is_wrong(string body, string parameter)
    {
        var problem = await (await client.PostAsync("/analytics/click", Click(body))).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.Parameter);
    }

    [Fact]
    public async Task A_click_report_longer_than_a_click_is_refused()
    {
        var body = $$"""{"q": "{{new string('x', AnalyticsEndpoints.MaxClickBodyBytes)}}", "position": 1}""";

        var problem = await (await client.PostAsync("/analytics/click", Click(body))).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("body", problem.Parameter);
    }

    [Fact]
    public async Task A_search_box_on_another_site_may_post_clicks_with_its_key()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/analytics/click");
        preflight.Headers.Add("Origin", "https://news.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");

        var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task A_query_searched_often_is_suggested_while_it_is_typed()
    {
        await client.GetOk("/search?q=terrorism+moscow+meeting");
        await client.GetOk("/search?q=Terrorism+Moscow+meeting");
        await api.Services.GetRequiredService<SearchAnalytics>().FlushAsync();

        var suggestions = (await client.GetOk("/suggest?q=terrorism+mos"))["suggestions"]!.AsArray();

        Assert.Contains(suggestions, s => (string?)s!["text"] == "terrorism moscow meeting" && (string?)s["kind"] == "query");
    }
}
