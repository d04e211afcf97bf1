using System.Net;
using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>On a service open to requests without a key, a scoped key still limits, and a refused one is still refused.</summary>
public sealed class OpenServiceScopedKeyTests(OpenServiceScopedKeyTests.OpenApiFactory api) : IClassFixture<OpenServiceScopedKeyTests.OpenApiFactory>
{
    public sealed class OpenApiFactory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:KeySigningSecret", ScopedKeyApiFactory.SigningSecret);
        }
    }

    [Fact]
    public async Task An_expired_key_is_refused_though_no_key_is_needed()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ScopedKeyApiFactory.Sign(new { id = "old", exp = 1_000_000_000 }));
        Assert.Equal("old", (await client.GetProblem("/search?q=terrorism", HttpStatusCode.Unauthorized)).KeyId);
    }

    [Fact]
    public async Task A_valid_key_limits_what_is_seen_though_no_key_is_needed()
    {
        using var client = api.CreateClient();
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        client.DefaultRequestHeaders.Add("X-Api-Key", ScopedKeyApiFactory.Sign(new { id = "elsewhere", filters = new { source = new[] { "No Such Paper" } }, exp }));
        Assert.Equal(0, (await client.GetOk<SearchAnswer>("/search?q=terrorism")).Total);
        Assert.True((await api.CreateClient().GetOk<SearchAnswer>("/search?q=terrorism")).Total > 0);
    }
}
