using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>With only a search key configured, that key is the operators' key for /health.</summary>
public sealed class HealthSearchKeyOnlyTests(HealthSearchKeyOnlyTests.SearchKeyOnlyApiFactory api) : IClassFixture<HealthSearchKeyOnlyTests.SearchKeyOnlyApiFactory>
{
    public sealed class SearchKeyOnlyApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchApiKey", SearchKeyTests.SearchKey);
        }
    }

    [Fact]
    public async Task Health_with_the_search_key_gives_the_details()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchKeyTests.SearchKey);
        Assert.Equal(1, (await client.GetOk<HealthAnswer>("/health")).Articles);
    }
}
