using SearchService.Tests.Api;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.EndToEnd;

/// <summary>The service as a user runs it: its own process, real Kestrel, real HTTP, real index on disk.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ServiceProcessTests : IDisposable
{
    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();
    private readonly TempDirectory settings = new(); // files the service is configured with, outside the corpus

    public ServiceProcessTests() => File.Copy(SharedFiles.SeedArticle, corpus.Combine(SharedFiles.SeedFileName));

    private string[] Folders(params string[] more) =>
        [$"--Search:CorpusPath={corpus.Path}", $"--Search:IndexPath={index.Path}", .. more];

    private static async Task<HttpClient> ReadyClient(ServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = await service.Address };
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetOk<HealthAnswer>("/health")).Status == "ready")
                return client;
            await Task.Delay(100);
        }
        throw new TimeoutException("The service never became ready.");
    }

    [Fact]
    public async Task Serves_the_seed_over_real_http()
    {
        using var service = ServiceProcess.Start(Folders());
        using var client = await ReadyClient(service);

        var search = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        Assert.Contains("<mark>", search.Hits[0].Snippet);
        Assert.NotEmpty(search.Facets.Speaker);

        var afghanistan = await client.GetOk<SearchAnswer>("/search?region=Afghanistan");
        Assert.Equal(1, afghanistan.Total);
    }

    [Fact]
    public async Task Head_answers_as_get_would_without_a_body_and_the_connection_stays_usable()
    {
        using var service = ServiceProcess.Start(Folders());
        using var client = await ReadyClient(service);

        foreach (var path in new[] { "/health/live", "/search?q=terrorism", "/openapi/v1.json", "/widget/search-box.js" })
        {
            using var get = await client.GetAsync(path);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(System.Net.HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        using (var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/articles/no-such-article")))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);

        // Had a body (or chunk framing) followed a HEAD answer, the next answer on the reused connection would be garbled.
        var search = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        Assert.Contains("<mark>", search.Hits[0].Snippet);
    }

    [Fact]
    public async Task Second_service_on_the_same_index_exits_saying_it_is_locked()
    {
        using var first = ServiceProcess.Start(Folders());
        await first.Address;
        using var second = ServiceProcess.Start(Folders());
        Assert.Equal(1, await second.ExitCode());
        // What the docs promise the operator reads: the start failed, which folder, and that another process is using it.
        Assert.Contains($"Cannot start: The index folder '{index.Path}' cannot be opened for writing", second.Output);
        Assert.Contains("being used by another process", second.Output);
    }

    [Fact]
    public async Task Missing_taxonomy_file_stops_the_start_naming_the_file()
    {
        var missing = Path.Combine(corpus.Path, "no-such-taxonomy.json");
        using var service = ServiceProcess.Start(Folders($"--Search:TaxonomyPath={missing}"));
        Assert.NotEqual(0, await service.ExitCode());
        Assert.Contains("no-such-taxonomy.json", service.Output);
    }

    [Fact]
    public async Task Custom_taxonomy_from_configuration_gives_its_topics()
    {
        var taxonomy = settings.WriteFile("taxonomy.json", """
            {"source": "test", "threshold": 2, "topics": [{"name": "Bilateral relations", "triggers": ["bilateral engagement"], "cues": []}]}
            """);
        using var service = ServiceProcess.Start(Folders($"--Search:TaxonomyPath={taxonomy}"));
        using var client = await ReadyClient(service);
        var topics = (await client.GetOk<SearchAnswer>("/search")).Facets.Topic.Select(v => v.Value);
        Assert.Equal(["Bilateral relations"], topics);
    }

    public void Dispose()
    {
        corpus.Dispose();
        index.Dispose();
        settings.Dispose();
    }
}
