using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Api.Limits;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// Expensive queries (syntax=lucene, a simple phrase with a slop, rerank=semantic) have their own cap on how many run at once: one more is answered
/// 503 with Retry-After at once, naming the parameter; cheap searches are not held back.
/// </summary>
public sealed class ExpensiveQueryTests(ExpensiveQueryTests.OneExpensiveApiFactory api) : IClassFixture<ExpensiveQueryTests.OneExpensiveApiFactory>
{
    public sealed class OneExpensiveApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:ExpensiveQueryConcurrency", "1");
        }
    }

    /// <summary>Runs <paramref name="meanwhile"/> while an expensive request holds the only permit.</summary>
    private async Task WhileOneExpensiveQueryRuns(Func<HttpClient, Task> meanwhile)
    {
        var limiter = api.Services.GetRequiredService<ExpensiveQueryLimiter>();
        var running = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var held = new DefaultHttpContext { RequestServices = api.Services };
        held.Request.Path = "/search";
        held.Request.QueryString = new QueryString("?q=oil&syntax=lucene");
        var holder = limiter.InvokeAsync(new DefaultEndpointFilterInvocationContext(held), async _ =>
        {
            running.SetResult();
            await finish.Task;
            return null;
        });
        await running.Task;
        try
        {
            using var client = api.CreateClient();
            await meanwhile(client);
        }
        finally
        {
            finish.SetResult();
            await holder;
        }
    }

    [Theory]
    [InlineData("/search?q=terrorism&syntax=lucene", "syntax")]
    [InlineData("/search?q=terrorism&rerank=Semantic", "rerank")]
    [InlineData("/facets/region?q=terrorism&syntax=%20LUCENE", "syntax")]
    [InlineData("/search?q=%22russia%20terrorism%22~3", "q")]
    [InlineData("/search?q=pakistan%20%22russia%20terrorism%22~3&syntax=simple", "q")]
    public async Task Expensive_query_past_the_cap_gets_503_problem_with_Retry_After_at_once(string url, string parameter)
    {
        await WhileOneExpensiveQueryRuns(async client =>
        {
            var response = await client.GetAsync(url);
            Assert.Equal(parameter, (await response.ReadProblem(HttpStatusCode.ServiceUnavailable)).Parameter);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        });
    }

    [Fact]
    public async Task Simple_searches_are_not_held_back_by_expensive_ones()
    {
        await WhileOneExpensiveQueryRuns(async client => await client.GetOk<SearchAnswer>("/search?q=terrorism&syntax=simple"));
    }

    [Theory]
    [InlineData("\"russia terrorism\"")]
    [InlineData("\"russia terrorism\" ~3")]
    public async Task A_phrase_without_a_slop_is_not_held_back_by_expensive_queries(string q)
    {
        await WhileOneExpensiveQueryRuns(async client => await client.GetOk<SearchAnswer>($"/search?q={Uri.EscapeDataString(q)}"));
    }

    [Fact]
    public async Task A_phrase_with_a_slop_within_the_cap_is_answered()
    {
        using var client = api.CreateClient();

        var answer = await client.GetOk<SearchAnswer>("/search?q=%22russia%20terrorism%22~20");

        Assert.NotEmpty(answer.Hits);
    }

    [Fact]
    public async Task Expensive_queries_one_after_another_all_run()
    {
        using var client = api.CreateClient();
        for (var i = 0; i < 5; i++)
            await client.GetOk<SearchAnswer>("/search?q=terrorism&syntax=lucene");
    }
}
