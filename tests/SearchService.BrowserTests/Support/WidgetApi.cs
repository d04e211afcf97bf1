using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Tests.TestSupport;

namespace SearchService.BrowserTests.Support;

/// <summary>
/// The real API on a real loopback port (Kestrel, so a browser can reach it), over a temp corpus holding the seed article,
/// a hostile article whose text is markup and script, and articles with the publisher's fields, two of them filters.
/// </summary>
public sealed class WidgetApi : WebApplicationFactory<Program>
{
    /// <summary>A word that occurs only in the hostile article.</summary>
    public const string HostileWord = "zanzibarian";
    public const string HostileId = "hostile.txt";
    public const string HostileImage = "<img src=x onerror=alert(1)>";
    public const string HostileScript = "<script>window.hacked = true</script>";

    /// <summary>A word only in the article that has the publisher's <see cref="PublisherUrl"/>.</summary>
    public const string PublisherWord = "monodontid";
    public const string PublisherUrl = "https://www.example-news.com/science/narwhal-tusks";

    /// <summary>A word only in the three articles with a section and a desk (<see cref="FilterFields"/>).</summary>
    public const string FieldsWord = "oiltanker";

    /// <summary>The publisher fields the service filters and counts by (Search:FilterFields).</summary>
    public const string FilterFields = "section,fields.desk";

    /// <summary>Signs the scoped keys the box is given (<see cref="SignedKeys"/>).</summary>
    public const string SigningSecret = "browser-tests-signing-secret-93a1";

    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    private WidgetApi()
    {
        File.Copy(SharedFiles.SeedArticle, corpus.Combine(SharedFiles.SeedFileName));
        corpus.WriteFile(HostileId,
            $"{HostileScript} Hostile headline {HostileImage}\n\n" +
            $"A {HostileWord} paragraph quoting markup: {HostileImage} and {HostileScript} must read as text.\n");
        // A second article on terrorism, so that collapsed results still list more than one.
        corpus.WriteFile("oslo-talks.txt",
            "Nordic ministers meet on terrorism\n\nMinisters from Norway and Denmark met in Oslo on Tuesday to discuss terrorism " +
            "and the security of ports.\n\nThey agreed to meet again in the spring.\n");
        // An article with the publisher's own address, which its results link to, and three with the publisher's
        // section and desk (FilterFields): two in Markets, of the Energy and Shipping desks, one in World of Energy.
        corpus.WriteFile("publisher.jsonl", string.Join("\n",
            $$"""{"id": "narwhal-tusks", "title": "Narwhal tusks studied", "url": "{{PublisherUrl}}", "paragraphs": ["Biologists in Greenland tagged {{PublisherWord}} narwhals to study how the tusks sense cold water."]}""",
            $$"""{"id": "tanker-rates", "title": "Tanker rates climb", "section": "Markets", "fields": {"desk": "Energy"}, "paragraphs": ["Freight rates for crude {{FieldsWord}} ships rose for a third week as refiners bought more oil."]}""",
            $$"""{"id": "tanker-insurance", "title": "Insurers raise tanker premiums", "section": "Markets", "fields": {"desk": "Shipping"}, "paragraphs": ["Insurers raised premiums for {{FieldsWord}} ships crossing the Red Sea."]}""",
            $$"""{"id": "tanker-spill", "title": "Tanker spill off the coast", "section": "World", "fields": {"desk": "Energy"}, "paragraphs": ["A {{FieldsWord}} ship leaked oil off the coast of Brittany on Sunday."]}""") + "\n");
        UseKestrel(0);
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<WidgetApi> StartAsync()
    {
        var api = new WidgetApi();
        api.StartServer();
        var addresses = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        api.Address = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        await api.WaitUntilReadyAsync();
        return api;
    }

    /// <summary>What the box asks for a search (one result per article where the service can collapse).</summary>
    public Task<JsonObject> SearchAsync(string queryString) => GetJsonAsync($"/search?{queryString}&collapse=article");

    /// <summary>The number of results the box shows for an answer of <see cref="SearchAsync"/>.</summary>
    public static long ResultCount(JsonObject answer) => (long)(answer["totalArticles"] ?? answer["total"])!;

    public async Task<JsonObject> GetJsonAsync(string pathAndQuery)
    {
        using var client = new HttpClient { BaseAddress = Address };
        return (await client.GetFromJsonAsync<JsonObject>(pathAndQuery))!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:CorpusPath", corpus.Path);
        builder.UseSetting("Search:IndexPath", index.Path);
        // Many pages type at once from one address; the per-client rate limit has its own tests.
        builder.UseSetting("Search:SearchRequestsPerSecond", "0");
        builder.UseSetting("Search:KeySigningSecret", SigningSecret);
        builder.UseSetting("Search:FilterFields", FilterFields);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((string?)(await GetJsonAsync("/health"))["status"] == "ready")
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The indexer did not finish its first pass within 60 s.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await IndexFolder.WaitUntilClosedAsync(index.Path);
        corpus.Dispose();
        index.Dispose();
    }
}
