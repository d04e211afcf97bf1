using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// A search past <c>Search:QueryTimeBudgetMs</c>, set through configuration, is stopped and answered over HTTP as a
/// 503 problem, never a 500 and never left running.
/// </summary>
public sealed class QueryTimeBudgetTests(QueryTimeBudgetTests.Factory api) : IClassFixture<QueryTimeBudgetTests.Factory>
{
    /// <summary>
    /// The seed article plus 100,000 distinct words starting with w (an article to each thousand) and many statements
    /// (<see cref="CostlyStatements"/>), with a 1 ms budget.
    /// </summary>
    public sealed class Factory : SeedApiFactory
    {
        protected override void AddToCorpus(TempDirectory folder)
        {
            folder.WriteFile("words.jsonl", string.Join('\n', ManyWords.Paragraphs(100_000).Select((paragraph, n) =>
                JsonSerializer.Serialize(new { id = $"words-{n}", title = "Words", paragraphs = new[] { paragraph } }))));
            folder.WriteFile("statements.jsonl", string.Join('\n', CostlyStatements.Articles().Select(article =>
                JsonSerializer.Serialize(new { id = article.Id, title = article.Title, paragraphs = article.Paragraphs }))));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:QueryTimeBudgetMs", "1");
        }
    }

    private readonly HttpClient client = api.CreateClient();

    // Matches no term, so the search reads all 100,000 w-terms while rewriting: milliseconds, far past 1 ms. At the
    // default budget the same pattern runs to the end (RewriteBudgetTests.The_same_pattern_within_its_budget_runs_to_the_end).
    private const string EveryWTermRead = "/w.*x/";

    [Fact]
    public async Task A_query_past_its_configured_budget_is_a_503_problem_saying_it_took_too_long()
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(EveryWTermRead)}",
            HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Query took too long", problem.Title);
        Assert.Contains("budget of 1 ms", problem.Detail);
    }

    [Fact]
    public async Task A_statement_search_past_its_configured_budget_is_a_503_problem_saying_it_took_too_long()
    {
        var problem = await client.GetProblem($"/quotes?q={Uri.EscapeDataString(CostlyStatements.Query)}", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Query took too long", problem.Title);
        Assert.Contains("budget of 1 ms", problem.Detail);
    }
}
