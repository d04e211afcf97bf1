using System.Net;
using System.Net.Http.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Webhooks to hosts <c>Search:Alerts:WebhookHosts</c> lists are saved (refused without it: <see cref="AlertEndpointTests"/>).</summary>
public sealed class AlertWebhookHostsTests(WebhookHostsApiFactory api) : IClassFixture<WebhookHostsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://localhost:1/")]
    public async Task A_webhook_to_a_listed_address_or_a_name_of_a_listed_network_is_saved(string webhook)
    {
        var created = await admin.PostAsJsonAsync("/alerts", new { q = "metadata", webhook });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(webhook, ApiJson.Read<AlertAnswer>(await created.Content.ReadAsStringAsync()).Webhook);
    }

    [Fact]
    public async Task A_private_address_the_setting_does_not_list_is_still_refused()
    {
        var problem = await (await admin.PostAsJsonAsync("/alerts", new { q = "metadata", webhook = "http://10.0.0.5/admin" })).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("webhook", problem.Parameter);
    }
}
