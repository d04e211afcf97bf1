using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SearchService.Core.Indexing;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// Over HTTP: once the write journal cannot be flushed to disk, that write and every later one (put, delete, bulk) is a
/// 503 problem with <c>writesStopped: true</c>, and searches go on.
/// </summary>
public sealed class WritesStoppedTests(WritesStoppedTests.Factory api) : IClassFixture<WritesStoppedTests.Factory>
{
    /// <summary>The admin API whose journal, in its index folder as always, fails every flush as a failing disk's fsync does.</summary>
    public sealed class Factory : AdminApiFactory
    {
        private int flushes;

        /// <summary>How many flushes of the journal were tried.</summary>
        public int Flushes => Volatile.Read(ref flushes);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The journal the start-up opened is closed and opened again over the same file with a failing flush.
            builder.ConfigureTestServices(services => services.AddSingleton(provider =>
            {
                var opener = provider.GetRequiredService<IndexOpener>();
                opener.Journal.Dispose();
                var failing = new WriteJournal(opener.Index.Path, _ =>
                {
                    Interlocked.Increment(ref flushes);
                    throw new IOException("Input/output error");
                });
                return JournalProtocol.Open(opener.Index, opener.Extractor, provider.GetRequiredService<ILogger<JournalProtocol>>(),
                    journal: failing);
            }));
        }
    }

    private readonly HttpClient admin = api.CreateAdminClient();

    private static JsonContent Article(string text) => JsonContent.Create(new { title = "Refused", paragraphs = new[] { text } });

    [Fact]
    public async Task A_put_whose_journal_flush_fails_is_a_503_saying_writes_are_stopped()
    {
        var problem = await (await admin.PutAsync("/articles/api-unflushed", Article("Kittiwake colony counted."))).ReadProblem(
            HttpStatusCode.ServiceUnavailable);

        Assert.True(problem.WritesStopped);
    }

    [Fact]
    public async Task After_a_failed_flush_put_delete_and_bulk_are_refused_without_flushing_again()
    {
        await admin.PutAsync("/articles/api-first", Article("Guillemot colony counted."));

        var put = await (await admin.PutAsync("/articles/api-later", Article("Razorbill colony counted."))).ReadProblem(
            HttpStatusCode.ServiceUnavailable);
        var delete = await (await admin.DeleteAsync("/articles/" + SeedApiFactory.SeedId)).ReadProblem(HttpStatusCode.ServiceUnavailable);
        var bulkBody = new StringContent("""{"id":"api-bulk","title":"B","paragraphs":["Puffin colony counted."]}""", Encoding.UTF8,
            "application/x-ndjson");
        var bulk = await (await admin.PostAsync("/articles/_bulk", bulkBody)).ReadProblem(HttpStatusCode.ServiceUnavailable);

        Assert.All([put, delete, bulk], problem => Assert.True(problem.WritesStopped));
        Assert.Equal(1, api.Flushes);
    }

    [Fact]
    public async Task Searches_go_on_while_writes_are_stopped()
    {
        await admin.PutAsync("/articles/api-unsearched", Article("Fulmar colony counted."));

        var result = await admin.GetOk<SearchAnswer>("/search?q=Pakistan");

        Assert.True(result.Total > 0);
    }
}
