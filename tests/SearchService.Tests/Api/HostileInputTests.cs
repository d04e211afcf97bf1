using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// Query syntax that could exhaust the server, refused clearly; odd queries answered or refused, never a 5xx. Seeded random
/// traffic at every endpoint runs against the real process in <see cref="EndToEnd.HostileTrafficTests"/>.
/// </summary>
public sealed class HostileInputTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData("text:/a{1,99999}/")]
    [InlineData("/(a|b)*a(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)/")]
    public async Task Regular_expression_that_could_exhaust_the_server_is_refused_naming_q(string q)
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", problem.Parameter);
    }

    [Theory]
    [InlineData("a*")]
    [InlineData("title:t*")]
    public async Task One_letter_prefix_is_refused_saying_why(string q)
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", problem.Parameter);
        Assert.Contains("at least 2 characters", problem.Detail);
    }

    [Fact]
    public async Task Two_letter_prefix_is_searched()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=" + Uri.EscapeDataString("te*"));
        Assert.True(result.Total > 0);
    }

    [Fact]
    public async Task Short_regular_expression_still_works()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=" + Uri.EscapeDataString("text:/terror.*/"));
        Assert.True(result.Total > 0);
    }

    [Theory]
    [InlineData("/[")]
    [InlineData("title:[a TO")]
    [InlineData("a~99")]
    [InlineData("\"a b\"~-1")]
    [InlineData("a^-1")]
    [InlineData("*:*")]
    [InlineData("?")]
    public async Task Odd_lucene_queries_are_answered_or_refused_clearly(string q)
    {
        var response = await client.GetAsync($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"{q} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
