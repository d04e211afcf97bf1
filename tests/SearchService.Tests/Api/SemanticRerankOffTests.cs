using System.Net;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>With <c>Search:SemanticRerankDepth=0</c> the model is never loaded, and a request for it is a clear 400.</summary>
public sealed class SemanticRerankOffTests(SemanticRerankOffTests.Factory api) : IClassFixture<SemanticRerankOffTests.Factory>
{
    public sealed class Factory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SemanticRerankDepth", "0");
        }
    }

    [Fact]
    public async Task Rerank_semantic_is_refused_naming_the_setting_that_turned_it_off()
    {
        using var client = api.CreateClient();

        var problem = await client.GetProblem("/search?q=terrorism&rerank=semantic", HttpStatusCode.BadRequest);

        Assert.Equal("rerank", problem.Parameter);
        Assert.Contains("Search:SemanticRerankDepth", problem.Detail);
        await client.GetOk<SearchAnswer>("/search?q=terrorism&rerank=none");
    }
}
