using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// The API in-process over its own corpus folder (the seed article, plus whatever a test adds) and its own index,
/// both in temp folders. Ready once the indexer's first pass has finished.
/// </summary>
public class SeedApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDirectory corpus = new();
    private readonly TempDirectory index = new();

    public SeedApiFactory()
    {
        File.Copy(SharedFiles.SeedArticle, corpus.Combine(SharedFiles.SeedFileName));
        AddToCorpus(corpus);
    }

    public TempDirectory Corpus => corpus;

    public TempDirectory Index => index;

    public const string SeedId = "pakistan-russia-counterterrorism-2021-11-23.txt";

    /// <summary>Lets a derived fixture put more files in the corpus before the service starts.</summary>
    protected virtual void AddToCorpus(TempDirectory folder)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:CorpusPath", corpus.Path);
        builder.UseSetting("Search:IndexPath", index.Path);
        // Tests send far more requests per second than a person, and wrong keys on purpose; both limits have their own tests.
        builder.UseSetting("Search:SearchRequestsPerSecond", "0");
        builder.UseSetting("Search:KeyFailuresPerMinute", "0");
    }

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetOk<ProbeAnswer>("/health")).Status == "ready")
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The indexer did not finish its first pass within 60 s.");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await IndexFolder.WaitUntilClosedAsync(index.Path);
        corpus.Dispose();
        index.Dispose();
    }
}
