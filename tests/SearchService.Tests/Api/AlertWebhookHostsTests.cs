using System.Net;
using System.Net.Http.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Webhooks to hosts <c>Search:Alerts:WebhookHosts</c> lists are saved (refused without it: <see cref="AlertEndpointTests"/>).</summary>
public sealed class AlertWebhookHostsTests(WebhookHostsApiFactory api) : IClassFixture<WebhookHostsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    /// <param name="listed">Listed: the address itself, or a name of the loopback network listed.</param>
    /// <param name="unlisted">Beside it and not listed: refused still.</param>
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://169.254.169.253/latest/meta-data/")]
    [InlineData("http://localhost:1/", "http://10.0.0.5/admin")]
    public async Task A_webhook_to_a_listed_address_or_a_name_of_a_listed_network_is_saved_and_its_unlisted_neighbour_is_not(string listed, string unlisted)
    {
        var created = await admin.PostAsJsonAsync("/alerts", new { q = "metadata", webhook = listed });
        var refused = await admin.PostAsJsonAsync("/alerts", new { q = "metadata", webhook = unlisted });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(listed, ApiJson.Read<AlertAnswer>(await created.Content.ReadAsStringAsync()).Webhook);
        Assert.Equal("webhook", (await refused.ReadProblem(HttpStatusCode.BadRequest)).Parameter);
    }
}
