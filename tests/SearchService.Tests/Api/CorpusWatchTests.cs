using System.Diagnostics;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>The hosted indexer worker notices corpus changes while the API serves (its own corpus: it edits files).</summary>
public sealed class CorpusWatchTests(CorpusWatchTests.Factory api) : IClassFixture<CorpusWatchTests.Factory>
{
    public sealed class Factory : SeedApiFactory;

    /// <summary>The promise is 2 seconds; the poll allows more so that a loaded CI machine does not fail it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly HttpClient client = api.CreateClient();

    private async Task<TimeSpan> WaitFor(string url, Func<SearchAnswer, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (condition(await client.GetOk<SearchAnswer>(url)))
                return clock.Elapsed;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{url} did not reach the expected state within {Patience}.");
    }

    [Fact]
    public async Task Added_changed_and_deleted_files_show_in_search()
    {
        var path = api.Corpus.WriteFile("late/quake.txt", "Earthquake\n\nA strong earthquake shook Kabul on Tuesday.");
        await WaitFor("/search?q=earthquake", r => r.Total == 1);

        File.WriteAllText(path, "Earthquake\n\nAftershocks followed in Kabul.\n\nRescuers searched the rubble.");
        await WaitFor("/search?q=rubble", r => r.Total == 1);
        Assert.Equal(0, (await client.GetOk<SearchAnswer>("/search?q=strong%20earthquake")).Total);

        File.Delete(path);
        await WaitFor("/search?q=rubble", r => r.Total == 0);
    }
}
