using System.Net;
using System.Net.Http.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Saving, listing, reading and deleting alerts, and what is refused.</summary>
public sealed class AlertEndpointTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task An_alert_saved_is_listed_read_and_deleted()
    {
        var created = await admin.PostAsJsonAsync("/alerts", new { q = "cotton exports", region = new[] { "Pakistan" }, from = "2021-01-01", webhook = "https://desk.example.com/hook" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alert = ApiJson.Read<AlertAnswer>(await created.Content.ReadAsStringAsync());
        Assert.Equal($"/alerts/{alert.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("cotton exports", "simple", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)), (alert.Query.Q, alert.Query.Syntax, alert.Query.From));
        Assert.Equal("https://desk.example.com/hook", alert.Webhook);

        Assert.Contains(await admin.GetOk<List<AlertAnswer>>("/alerts"), a => a.Id == alert.Id);
        Assert.Equal(["Pakistan"], (await admin.GetOk<AlertAnswer>($"/alerts/{alert.Id}")).Query.Region);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/alerts/{alert.Id}")).StatusCode);
        Assert.Equal("id", (await admin.GetProblem($"/alerts/{alert.Id}", HttpStatusCode.NotFound)).Parameter);
        Assert.DoesNotContain(await admin.GetOk<List<AlertAnswer>>("/alerts"), a => a.Id == alert.Id);
    }

    [Fact]
    public async Task Alerts_need_the_admin_key()
    {
        using var anonymous = api.CreateClient();

        await (await anonymous.PostAsJsonAsync("/alerts", new { q = "cotton" })).ReadProblem(HttpStatusCode.Unauthorized);
        await anonymous.GetProblem("/alerts", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_query_that_does_not_parse_is_a_400_naming_q()
    {
        var problem = await (await admin.PostAsJsonAsync("/alerts", new { q = "title:(cotton", syntax = "lucene" })).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("q", problem.Parameter);
    }

    /// <remarks>Ignored, a mistyped filter would save an alert on every region's news.</remarks>
    [Fact]
    public async Task A_field_the_alert_body_does_not_take_is_a_400_naming_it()
    {
        var problem = await (await admin.PostAsJsonAsync("/alerts", new { q = "cotton", regions = new[] { "Pakistan" } })).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("regions", problem.Parameter);
    }

    [Theory]
    [InlineData("ftp://desk.example.com/hook")]
    [InlineData("/hooks/cotton")]
    public async Task A_webhook_that_is_not_an_absolute_http_url_is_a_400_naming_it(string webhook)
    {
        var problem = await (await admin.PostAsJsonAsync("/alerts", new { q = "cotton", webhook })).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("webhook", problem.Parameter);
    }

    /// <remarks>From the service's own network position a webhook would reach cloud metadata and local services (SSRF).</remarks>
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://localhost:1/")]
    public async Task A_webhook_to_a_link_local_or_loopback_host_is_a_400_naming_it_and_the_setting_and_nothing_is_saved(string webhook)
    {
        var problem = await (await admin.PostAsJsonAsync("/alerts", new { q = "ssrf probe", webhook })).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("webhook", problem.Parameter);
        Assert.Contains("Search:Alerts:WebhookHosts", problem.Detail);
        Assert.DoesNotContain(await admin.GetOk<List<AlertAnswer>>("/alerts"), a => a.Query.Q == "ssrf probe");
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_a_400_naming_it()
    {
        var problem = await (await admin.PostAsJsonAsync("/alerts", new { q = "cotton", to = "03/04/1987" })).ReadProblem(HttpStatusCode.BadRequest);

        Assert.Equal("to", problem.Parameter);
    }

    [Fact]
    public async Task An_unknown_alert_has_no_events_but_a_404_naming_id()
    {
        Assert.Equal("id", (await admin.GetProblem("/alerts/a000000000000/events", HttpStatusCode.NotFound)).Parameter);
    }
}
