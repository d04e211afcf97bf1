using System.Net;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>A private deployment: with Search:SearchApiKey set, reading needs a key too; the probes stay open.</summary>
public sealed class SearchKeyTests(SearchKeyTests.PrivateApiFactory api) : IClassFixture<SearchKeyTests.PrivateApiFactory>
{
    public const string SearchKey = "test-search-key-0123456789";

    public sealed class PrivateApiFactory : AdminApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchApiKey", SearchKey);
        }
    }

    [Fact]
    public async Task Search_without_the_key_is_refused_with_401_and_a_bearer_challenge()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/search?q=terrorism");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_with_the_search_key_answers()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchKey);
        Assert.True((await client.GetOk<SearchAnswer>("/search?q=terrorism")).Total > 0);
    }

    [Fact]
    public async Task Search_key_does_not_open_the_write_endpoints()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SearchKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/articles/" + SeedApiFactory.SeedId)).StatusCode);
    }

    [Fact]
    public async Task Health_probes_need_no_key()
    {
        using var client = api.CreateClient();
        Assert.Equal("alive", (await client.GetOk<ProbeAnswer>("/health/live")).Status);
        Assert.Equal("ready", (await client.GetOk<ProbeAnswer>("/health/ready")).Status);
    }

    [Fact]
    public async Task A_cross_origin_preflight_is_answered_without_the_key()
    {
        // Browsers send no key with a preflight: it is answered before the key is asked for.
        using var client = api.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/search?q=terrorism");
        preflight.Headers.Add("Origin", "https://news.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
