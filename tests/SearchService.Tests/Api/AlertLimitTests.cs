using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SearchService.Tests.Api;

/// <summary>Search:Alerts:MaxAlerts bounds the alerts saved.</summary>
public sealed class AlertLimitTests(AlertLimitApiFactory api) : IClassFixture<AlertLimitApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task An_alert_beyond_the_limit_is_a_422_naming_the_limit_until_one_is_deleted()
    {
        var saved = new List<string>();
        for (var i = 0; i < AlertLimitApiFactory.MaxAlerts; i++)
        {
            var created = await admin.PostAsJsonAsync("/alerts", new { q = $"tariff {i}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            saved.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        var refused = await admin.PostAsJsonAsync("/alerts", new { q = "tariff beyond" });
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Search:Alerts:MaxAlerts", problem["limit"]!.GetValue<string>());
        Assert.Equal(AlertLimitApiFactory.MaxAlerts, problem["maxAlerts"]!.GetValue<int>());
        Assert.Equal(AlertLimitApiFactory.MaxAlerts, (await admin.GetOk<JsonArray>("/alerts")).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/alerts/{saved[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/alerts", new { q = "tariff beyond" })).StatusCode);
    }
}
