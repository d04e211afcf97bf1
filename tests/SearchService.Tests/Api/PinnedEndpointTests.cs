using Microsoft.AspNetCore.Hosting;
using SearchService.Tests.Api.Answers;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>
/// Pinned results through real HTTP: <c>Search:PinnedPath</c> pins the seed article for "Weather Report" (no word of it
/// is in the seed article) beside two articles about the weather, and an edit of the file is taken while the service runs.
/// </summary>
public sealed class PinnedEndpointTests(PinnedEndpointTests.Factory api) : IClassFixture<PinnedEndpointTests.Factory>
{
    public sealed class Factory : SeedApiFactory
    {
        /// <summary>Beside the articles, where the fixture's folders are removed with it: the corpus reads only .txt and .jsonl.</summary>
        public string PinnedFile => Corpus.Combine("pinned.json");

        protected override void AddToCorpus(TempDirectory folder) =>
            folder.WriteFile("weather.jsonl",
                """{"id": "w1", "title": "Weather report", "paragraphs": ["The weather report promised rain over the plains."]}""" + "\n" +
                """{"id": "w2", "title": "Weather report", "paragraphs": ["The weather report promised snow in the hills."]}""");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            File.WriteAllText(PinnedFile, $$"""{ "weather report": ["{{SeedId}}", "w2"] }""");
            base.ConfigureWebHost(builder);
            builder.UseSetting("Search:PinnedPath", PinnedFile);
        }
    }

    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task A_pinned_query_shows_the_editors_choices_first_marked_pinned_with_the_total_of_its_matches()
    {
        var result = await client.GetOk<SearchAnswer>("/search?q=" + Uri.EscapeDataString(" Weather  REPORT") + "&collapse=article");

        Assert.Equal([SeedApiFactory.SeedId, "w2", "w1"], result.Hits.Select(h => h.ArticleId));
        Assert.Equal([true, true, null], result.Hits.Select(h => h.Pinned));
        Assert.Equal(2, result.TotalArticles);
    }

    [Fact]
    public async Task An_edited_file_is_taken_while_the_service_runs()
    {
        var original = await File.ReadAllTextAsync(api.PinnedFile);
        try
        {
            await File.WriteAllTextAsync(api.PinnedFile, """{ "weather report": ["w1"] }""");

            var deadline = DateTime.UtcNow.AddSeconds(10);
            List<bool?> pinned;
            do
            {
                await Task.Delay(100);
                pinned = (await client.GetOk<SearchAnswer>("/search?q=weather+report&collapse=article")).Hits.Select(h => h.Pinned).ToList();
            }
            while (pinned.Count(p => p == true) != 1 && DateTime.UtcNow < deadline);

            var result = await client.GetOk<SearchAnswer>("/search?q=weather+report&collapse=article");
            Assert.Equal(["w1", "w2"], result.Hits.Select(h => h.ArticleId));
            Assert.Equal([true, null], result.Hits.Select(h => h.Pinned));
        }
        finally
        {
            await File.WriteAllTextAsync(api.PinnedFile, original);
        }
    }
}
