using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Over HTTP: a write that is durable but not searchable in time (the index's refresh held back) is a 503 problem that
/// does not stop writes; its journal line is on disk, and a restart replays it.
/// </summary>
public sealed class JournalSearchableTimeoutTests(JournalSearchableTimeoutTests.Factory api) : IClassFixture<JournalSearchableTimeoutTests.Factory>
{
    /// <summary>
    /// The admin API whose refreshes can be held, whose writes wait 5 s to be searchable (a margin for a loaded
    /// machine), and whose journal tells how far it is flushed.
    /// </summary>
    public sealed class Factory : AdminApiFactory
    {
        public static readonly TimeSpan SearchableWithin = TimeSpan.FromSeconds(5);

        private long flushed;

        public RefreshHold Refreshes { get; } = new();

        /// <summary>How much of the journal file the last flush to disk covered.</summary>
        public long Flushed => Interlocked.Read(ref flushed);

        public string JournalPath => Index.Combine(WriteJournal.FileName);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(SearcherSetup.Create(SearchIndex.DefaultQueryBudget).AddWarmer(Refreshes.Warm));
                // The journal the start-up opened is closed and opened again over the same file, flushed as always.
                services.AddSingleton(provider =>
                {
                    var opener = provider.GetRequiredService<IndexOpener>();
                    opener.Journal.Dispose();
                    return JournalProtocol.Open(opener.Index, opener.Extractor, provider.GetRequiredService<ILogger<JournalProtocol>>(),
                        journal: new WriteJournal(opener.Index.Path, Flush), searchableWithin: SearchableWithin);
                });
            });
        }

        private void Flush(SafeFileHandle journal)
        {
            var length = RandomAccess.GetLength(journal);
            RandomAccess.FlushToDisk(journal);
            Interlocked.Exchange(ref flushed, length);
        }
    }

    private readonly HttpClient admin = api.CreateAdminClient();

    private static JsonContent Article(string text) => JsonContent.Create(new { title = "Held", paragraphs = new[] { text, "A second paragraph." } });

    /// <summary>Puts the article while refreshes are held: the answer the writer gets.</summary>
    private async Task<HttpResponseMessage> PutUnsearchable(string id, string text)
    {
        api.Refreshes.Hold();
        try
        {
            return await admin.PutAsync("/articles/" + id, Article(text));
        }
        finally
        {
            api.Refreshes.Release();
        }
    }

    [Fact]
    public async Task A_write_not_searchable_in_time_is_a_503_saying_it_is_durable_and_safe_to_send_again()
    {
        var problem = await (await PutUnsearchable("api-held", "Kittiwake colony counted.")).ReadProblem(HttpStatusCode.ServiceUnavailable);

        Assert.False(problem.WritesStopped);
        Assert.Equal("Write not acknowledged", problem.Title);
        Assert.Equal("The write is durable but was not searchable within 5 s; sending it again is safe.", problem.Detail);
    }

    [Fact]
    public async Task The_write_not_searchable_in_time_is_on_disk_and_a_restart_replays_it()
    {
        await (await PutUnsearchable("api-held-durable", "Guillemot colony counted.")).ReadProblem(HttpStatusCode.ServiceUnavailable);

        // The journal as it is on disk now is what a crash would leave: the refused write's line, flushed.
        var journal = File.ReadAllBytes(api.JournalPath);
        Assert.Contains("\"api-held-durable\"", File.ReadAllLines(api.JournalPath)[^1]);
        Assert.True(api.Flushed >= journal.Length, $"the journal was flushed up to {api.Flushed} of its {journal.Length} bytes");
        using var restarted = new TempDirectory();
        File.WriteAllBytes(restarted.Combine(WriteJournal.FileName), journal);
        using var replayed = new WritableIndex(restarted.Path);
        Assert.True(replayed.Store.Exists("api-held-durable"));
    }

    [Fact]
    public async Task Writes_after_one_not_searchable_in_time_are_taken()
    {
        await (await PutUnsearchable("api-held-first", "Razorbill colony counted.")).ReadProblem(HttpStatusCode.ServiceUnavailable);

        var later = await admin.PutAsync("/articles/api-after-held", Article("Puffin colony counted."));

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal("Held", (await admin.GetOk<ArticleAnswer>("/articles/api-after-held")).Title);
        Assert.Equal("Held", (await admin.GetOk<ArticleAnswer>("/articles/api-held-first")).Title);
    }
}
