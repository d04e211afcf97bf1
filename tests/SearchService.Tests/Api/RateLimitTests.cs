using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>Per-client rate limiting of searches: 429 with Retry-After past the limit, probes never limited.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedApiFactory api) : IClassFixture<RateLimitTests.LimitedApiFactory>
{
    public sealed class LimitedApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:SearchRequestsPerSecond", "3");
            TestPeerAddress.AddTo(builder);
        }
    }

    [Fact]
    public async Task Searches_past_the_limit_get_429_with_Retry_After()
    {
        using var client = api.CreateClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
            responses.Add(await client.GetAsync("/search?q=terrorism"));

        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var problem = await refused.ReadProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.Type);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_read_that_answers_429_past_the_limit_declares_it_in_the_document()
    {
        using var client = api.CreateClient();
        var paths = (await client.GetOk("/openapi/v1.json"))["paths"]!.AsObject();

        var undeclared = new List<string>();
        var limited = 0;
        var peer = 0;
        foreach (var (path, item) in paths)
        {
            if (item!.AsObject()["get"] is not { } operation)
                continue;
            // A client address of its own per operation, so one operation's burst does not spend another's permits.
            var address = $"203.0.113.{++peer}";
            var url = Regex.Replace(path, "{[^}]+}", "region");
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 6; i++)
                statuses.Add((await client.SendAsync(TestPeerAddress.Get(url, address))).StatusCode);
            if (!statuses.Contains(HttpStatusCode.TooManyRequests))
                continue;
            limited++;
            if (!operation["responses"]!.AsObject().ContainsKey("429"))
                undeclared.Add($"GET {path}");
        }

        Assert.Empty(undeclared);
        Assert.True(limited > 5, $"only {limited} operations were limited; the burst did not reach the limit");
    }

    [Fact]
    public async Task Health_probes_are_not_rate_limited()
    {
        using var client = api.CreateClient();
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_for_is_not_believed_without_configured_trusted_proxies_even_from_loopback()
    {
        using var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var request = TestPeerAddress.Get("/search?q=terrorism", "127.0.0.1", $"198.51.100.{i}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
