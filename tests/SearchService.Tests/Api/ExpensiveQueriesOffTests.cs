using System.Net;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>With <c>Search:AllowExpensiveQueries=false</c>, queries that expand to many terms are a clear 400; words and phrases still work.</summary>
public sealed class ExpensiveQueriesOffTests(ExpensiveQueriesOffTests.Factory api) : IClassFixture<ExpensiveQueriesOffTests.Factory>
{
    public sealed class Factory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:AllowExpensiveQueries", "false");
        }
    }

    private readonly HttpClient client = api.CreateClient();

    [Theory]
    [InlineData("/terror.*/")]
    [InlineData("terr?rism")]
    [InlineData("terorism~1")]
    [InlineData("title:[a TO m]")]
    [InlineData("terror*")]
    public async Task An_expensive_query_is_refused_naming_q_and_the_setting(string q)
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);

        Assert.Equal("q", problem.Parameter);
        Assert.Contains("Search:AllowExpensiveQueries", problem.Detail);
    }

    [Fact]
    public async Task Words_and_phrases_are_still_searched()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=" + Uri.EscapeDataString("terrorism AND \"Pakistan\""));

        Assert.True(result.Total > 0);
    }

    [Fact]
    public async Task Simple_syntax_prefixes_are_still_searched()
    {
        var result = await client.GetOk<SearchAnswer>("/search?q=terror*");

        Assert.True(result.Total > 0);
    }
}
