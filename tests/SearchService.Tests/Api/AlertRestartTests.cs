using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// An article written just before the service stops is delivered once: before the stop when it was matched in time,
/// after the restart when it was not (the deterministic case is <see cref="Alerts.AlertPercolatorTests"/>).
/// </summary>
public sealed class AlertRestartTests : IDisposable
{
    private const string AdminKey = "alert-restart-admin-key-0123";

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    public AlertRestartTests() => File.Copy(SharedFiles.SeedArticle, corpus.Combine(SharedFiles.SeedFileName));

    [Fact]
    public async Task An_article_written_just_before_a_stop_is_delivered_once_across_the_restart()
    {
        await using var receiver = await new WebhookReceiver().StartAsync();
        await using (var first = Service())
        {
            using var admin = await ReadyAdminClient(first);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/alerts", new { q = "pangolin rescue", webhook = receiver.Url })).StatusCode);
            var put = await admin.PutAsync("/articles/pangolin-rescue", JsonContent.Create(new
            {
                title = "Pangolin rescue",
                date = "2024-05-01",
                paragraphs = new[] { "Rangers reported a pangolin rescue near the border." },
            }));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        await IndexFolder.WaitUntilClosedAsync(index.Path);

        await using var second = Service();
        using var restarted = await ReadyAdminClient(second);

        Assert.True(receiver.Received.TryTake(out var received, TimeSpan.FromSeconds(30)), "Nothing was delivered.");
        Assert.Equal("pangolin-rescue", Assert.Single(ApiJson.Read<AlertNoticeAnswer>(received.Body).Hits).ArticleId);
        Assert.False(receiver.Received.TryTake(out var again, TimeSpan.FromSeconds(3)), $"Delivered more than once: {received.EventId} then {again.EventId} {again.Body}");
    }

    private WebApplicationFactory<Program> Service() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Search:CorpusPath", corpus.Path);
        builder.UseSetting("Search:IndexPath", index.Path);
        builder.UseSetting("Search:AdminApiKey", AdminKey);
        builder.UseSetting("Search:Alerts:WebhookHosts:0", WebhookReceiver.Address);
    });

    private static async Task<HttpClient> ReadyAdminClient(WebApplicationFactory<Program> service)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        for (var i = 0; i < 600 && (await client.GetOk<ProbeAnswer>("/health")).Status != "ready"; i++)
            await Task.Delay(50);
        return client;
    }

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
    }
}
