using System.Net;
using System.Net.Http.Json;
using System.Text;

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

    [Theory]
    [InlineData("DELETE", "/articles/" + SeedApiFactory.SeedId, "application/json")]
    [InlineData("POST", "/articles/_bulk", "application/x-ndjson")]
    [InlineData("POST", "/keys", "application/json")]
    [InlineData("POST", "/alerts", "application/json")]
    public async Task Every_other_write_is_forbidden_too(string method, string path, string contentType)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, contentType) };

        Assert.Contains("Search:AdminApiKey", (await (await client.SendAsync(request)).ReadProblem(HttpStatusCode.Forbidden)).Detail);
    }
}
