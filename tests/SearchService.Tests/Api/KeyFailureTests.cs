using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Wrong keys are limited per client: past the limit every key that client presents gets 429 with Retry-After, until the
/// minute from its first wrong key is over (on the service's clock, which the tests move).
/// </summary>
public sealed class KeyFailureTests(KeyFailureTests.GuardedApiFactory api) : IClassFixture<KeyFailureTests.GuardedApiFactory>
{
    private const string SearchKey = "test-search-key-failures-0123456789";
    private const int Limit = 3;

    public sealed class GuardedApiFactory : AdminApiFactory
    {
        public ManualClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchApiKey", SearchKey);
            builder.UseSetting("Search:KeyFailuresPerMinute", Limit.ToString());
            TestPeerAddress.AddTo(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string peer, string? key)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(TestPeerAddress.HeaderName, peer);
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Wrong_search_keys_past_the_limit_get_429_problem_with_Retry_After()
    {
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.1", $"guess-{i}")).StatusCode);

        var refused = await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.1", "guess-last");
        Assert.Equal("key", (await refused.ReadProblem(HttpStatusCode.TooManyRequests)).Parameter);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Right_key_is_refused_while_the_client_is_locked_out()
    {
        for (var i = 0; i < Limit; i++)
            await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.2", $"guess-{i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.2", SearchKey)).StatusCode);
    }

    [Fact]
    public async Task Other_clients_keep_their_keys_while_one_is_locked_out()
    {
        for (var i = 0; i <= Limit; i++)
            await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.3", $"guess-{i}");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.4", SearchKey)).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_key_are_not_counted_as_guesses()
    {
        for (var i = 0; i <= Limit * 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.5", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.5", SearchKey)).StatusCode);
    }

    [Fact]
    public async Task Wrong_admin_keys_past_the_limit_get_429()
    {
        // The search key passes the first gate; the admin filter then counts it as a wrong admin key.
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Delete, "/articles/nope", "192.0.2.6", SearchKey)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Send(HttpMethod.Delete, "/articles/nope", "192.0.2.6", SearchKey)).StatusCode);
    }

    [Fact]
    public async Task Right_key_works_again_once_the_minute_is_over()
    {
        for (var i = 0; i < Limit; i++)
            await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.7", $"guess-{i}");
        api.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.7", SearchKey)).StatusCode);

        api.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.7", SearchKey)).StatusCode);
    }

    [Fact]
    public async Task Retry_After_is_the_rest_of_the_minute_from_the_first_wrong_key()
    {
        await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.8", "guess-first");
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        for (var i = 1; i < Limit; i++)
            await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.8", $"guess-{i}");

        var refused = await Send(HttpMethod.Get, "/search?q=oil", "192.0.2.8", SearchKey);

        Assert.Equal(TimeSpan.FromSeconds(40), refused.Headers.RetryAfter?.Delta);
    }
}
