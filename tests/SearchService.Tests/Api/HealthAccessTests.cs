using System.Text.Json.Nodes;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// With keys configured, /health tells only its status unless the operators' key (the admin key) comes with it. That
/// the details are left out is checked on the raw JSON: a record would skip them.
/// </summary>
public sealed class HealthAccessTests(SearchKeyTests.PrivateApiFactory api) : IClassFixture<SearchKeyTests.PrivateApiFactory>
{
    private HttpClient Client(string? key)
    {
        var client = api.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<JsonObject> Health(string? key)
    {
        using var client = Client(key);
        return await client.GetOk("/health");
    }

    [Fact]
    public async Task Health_without_a_key_says_only_the_status()
    {
        Assert.Equal("""{"status":"ready"}""", (await Health(null)).ToJsonString());
    }

    [Fact]
    public async Task Health_with_the_search_key_says_only_the_status_when_an_admin_key_is_configured()
    {
        Assert.Equal(["status"], (await Health(SearchKeyTests.SearchKey)).Select(p => p.Key));
    }

    [Fact]
    public async Task Health_with_a_wrong_key_says_only_the_status()
    {
        Assert.Equal(["status"], (await Health("not-the-key")).Select(p => p.Key));
    }

    [Fact]
    public async Task Health_with_the_admin_key_gives_the_details()
    {
        using var client = Client(AdminApiFactory.AdminKey);
        var health = await client.GetOk<HealthAnswer>("/health");
        Assert.Equal(1, health.Articles);
        Assert.Equal(0, health.FilesSkipped);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probes_say_only_the_status_without_a_key(string probe)
    {
        using var client = api.CreateClient();
        Assert.Equal(["status"], (await client.GetOk(probe)).Select(p => p.Key));
    }
}
