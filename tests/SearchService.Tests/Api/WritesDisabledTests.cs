using System.Net;
using System.Net.Http.Json;

namespace SearchService.Tests.Api;

/// <summary>Without an admin key configured the write endpoints are closed, whatever key a caller sends.</summary>
public sealed class WritesDisabledTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    [Fact]
    public async Task Writes_are_forbidden_when_no_admin_key_is_configured()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "");
        var response = await client.PutAsync("/articles/x", JsonContent.Create(new { title = "t", paragraphs = new[] { "p" } }));

        Assert.Contains("Search:AdminApiKey", (await response.ReadProblem(HttpStatusCode.Forbidden)).Detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/index/_rebuild", null)).StatusCode);
    }
}
