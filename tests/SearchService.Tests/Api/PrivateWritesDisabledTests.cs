using System.Net;
using System.Net.Http.Json;

namespace SearchService.Tests.Api;

/// <summary>
/// A private deployment (search key) without an admin key: a write is first asked for the service's key, as any
/// request is, and only a caller that has it hears that writes are disabled.
/// </summary>
public sealed class PrivateWritesDisabledTests(HealthSearchKeyOnlyTests.SearchKeyOnlyApiFactory api)
    : IClassFixture<HealthSearchKeyOnlyTests.SearchKeyOnlyApiFactory>
{
    private static JsonContent Article() => JsonContent.Create(new { title = "t", paragraphs = new[] { "p" } });

    [Fact]
    public async Task A_write_without_a_key_is_asked_for_the_key()
    {
        using var client = api.CreateClient();
        var response = await client.PutAsync("/articles/x", Article());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_write_with_the_search_key_is_forbidden_as_writes_are_disabled()
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SearchKeyTests.SearchKey);
        var response = await client.PutAsync("/articles/x", Article());

        Assert.Contains("Search:AdminApiKey", (await response.ReadProblem(HttpStatusCode.Forbidden)).Detail);
    }
}
