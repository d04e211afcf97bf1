using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Api.Startup;
using SearchService.Core;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Over HTTP: once the index cannot write safely (a commit failed on a full disk), <c>/health/ready</c> is a 503
/// problem while <c>/health/live</c> stays 200, and searches are still answered.
/// </summary>
public sealed class ReadinessHttpTests(ReadinessHttpTests.Factory api) : IClassFixture<ReadinessHttpTests.Factory>
{
    /// <summary>The seed API with its index's Lucene files on a disk that can be made to fill up.</summary>
    public sealed class Factory : SeedApiFactory
    {
        public LimitedDisk Disk { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(provider => new IndexOpener(
                provider.GetRequiredService<IOptions<SearchOptions>>(), provider.GetRequiredService<SearcherProvider>(),
                provider.GetRequiredService<ILoggerFactory>()) { OpenDirectory = Disk.Open }));
        }
    }

    private static readonly Article Unsaved = new("unsaved", "Unsaved", ["Gannet colony counted."]);

    private readonly HttpClient client = api.CreateClient();

    /// <summary>Makes the next commit fail on a full disk (or finds that one already has): the index takes no more writes.</summary>
    private void FailACommit()
    {
        var index = api.Services.GetRequiredService<SearchIndex>();
        if (!index.IsHealthy)
            return; // another test of this host failed one already, which lasts until a restart
        index.ReplaceArticle(Unsaved, new ArticleFacets(ParagraphFacets.Empty, [ParagraphFacets.Empty]), null);
        api.Disk.Limit(0);
        Assert.ThrowsAny<IOException>(index.Commit);
        api.Disk.Limit(long.MaxValue);
    }

    [Fact]
    public async Task Ready_is_a_503_problem_saying_writes_are_stopped_once_a_commit_failed()
    {
        FailACommit();

        var problem = await (await client.GetAsync("/health/ready")).ReadProblem(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Not ready", problem.Title);
        Assert.Equal("Writes are stopped until the service restarts: a commit of the index failed. Searches are still answered.", problem.Detail);
    }

    [Fact]
    public async Task Health_says_writes_are_stopped_once_a_commit_failed_and_still_counts_the_index()
    {
        FailACommit();

        var health = await client.GetOk<HealthAnswer>("/health");

        Assert.Equal("writesStopped", health.Status);
        Assert.True(health.Articles > 0);
    }

    [Fact]
    public async Task Live_stays_200_while_the_service_is_not_ready()
    {
        FailACommit();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        Assert.Equal("alive", (await client.GetOk<ProbeAnswer>("/health/live")).Status);
    }

    [Fact]
    public async Task A_corpus_pass_after_a_failed_commit_leaves_the_service_answering_searches()
    {
        FailACommit();
        var startUp = api.Services.GetServices<IHostedService>().OfType<ServiceInitializer>().Single();

        api.Corpus.WriteFile("floods.txt", "Floods\n\nThe river Indus rose over its banks in Sindh on Monday.\n");
        // The pass the new file starts is refused; the indexer then ends its passes (before, its exception stopped the host).
        await startUp.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(api.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var answer = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        Assert.NotEmpty(answer.Hits);
    }
}
