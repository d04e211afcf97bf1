using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace SearchService.Tests.Api;

public sealed class CorsTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private const string Origin = "https://news.example";

    [Theory]
    [InlineData("/search?q=terrorism")]
    [InlineData("/facets/region?prefix=pak")]
    [InlineData("/suggest?q=terr")]
    [InlineData("/articles/" + SeedApiFactory.SeedId)]
    [InlineData("/articles/" + SeedApiFactory.SeedId + "/related?size=5")]
    [InlineData("/quotes?q=Afghanistan")]
    [InlineData("/speakers/Foreign%20Office")]
    [InlineData("/widget/search-box.js")]
    public async Task Read_only_endpoints_answer_any_origin_by_default(string url)
    {
        var response = await Send(api, HttpMethod.Get, url, Origin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", AllowedOrigin(response));
    }

    [Theory]
    [InlineData("/search?q=terrorism")]
    [InlineData("/facets/speaker?prefix=syro")]
    [InlineData("/quotes?speaker=Foreign%20Office")]
    [InlineData("/speakers/Foreign%20Office")]
    public async Task A_preflight_for_a_read_allows_GET_with_a_key_header(string url)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await api.CreateClient().SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("x-api-key", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Other_endpoints_do_not_answer_other_origins()
    {
        var response = await Send(api, HttpMethod.Get, "/health", Origin);
        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task A_write_method_on_a_read_only_path_gets_no_cross_origin_permission()
    {
        var response = await Send(api, HttpMethod.Post, "/search?q=terrorism", Origin);
        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task Locked_down_to_listed_origins_only_those_are_answered()
    {
        IAsyncLifetime locked = new LockedDownApiFactory();
        await locked.InitializeAsync();
        try
        {
            var factory = (SeedApiFactory)locked;
            Assert.Equal(Origin, AllowedOrigin(await Send(factory, HttpMethod.Get, "/search?q=terrorism", Origin)));
            Assert.Null(AllowedOrigin(await Send(factory, HttpMethod.Get, "/search?q=terrorism", "https://elsewhere.example")));
        }
        finally
        {
            await locked.DisposeAsync();
        }
    }

    private static async Task<HttpResponseMessage> Send(SeedApiFactory factory, HttpMethod method, string url, string origin)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", origin);
        return await factory.CreateClient().SendAsync(request);
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    private sealed class LockedDownApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:Cors:AllowedOrigins:0", Origin);
        }
    }
}
