using Microsoft.Extensions.Logging;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>The pinned results file (<see cref="PinnedQueries"/>): its matching rule, its shape, and reading it again when it changes.</summary>
public sealed class PinnedQueriesTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly RecordingLogger<PinnedQueries> log = new();

    private string File => folder.Combine("pinned.json");

    private PinnedQueries Open() => new(File, log);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(condition(), "not within 10 s");
    }

    [Theory]
    [InlineData("Election Results")]
    [InlineData("  election   results ")]
    [InlineData("election\tresults")]
    public void A_query_is_pinned_whatever_its_case_and_white_space(string query)
    {
        System.IO.File.WriteAllText(File, """{ "election  RESULTS": ["a-17", "a-3"] }""");
        using var pins = Open();

        Assert.Equal(["a-17", "a-3"], pins.For(query));
    }

    [Theory]
    [InlineData("election result")]
    [InlineData("results election")]
    [InlineData("election results 2024")]
    public void Nothing_else_is_forgiven(string query)
    {
        System.IO.File.WriteAllText(File, """{ "election results": ["a-17"] }""");
        using var pins = Open();

        Assert.Empty(pins.For(query));
    }

    [Theory]
    [InlineData("[\"a-1\"]")]
    [InlineData("{ \"oil\": \"a-1\" }")]
    [InlineData("{ \"oil\": [1] }")]
    [InlineData("{ \"oil\": [\" \"] }")]
    [InlineData("{ \" \": [\"a-1\"] }")]
    [InlineData("{ \"oil\": [\"a-1\"]")]
    public void Anything_but_an_object_of_queries_to_article_ids_is_refused(string json) =>
        Assert.Throws<InvalidDataException>(() => PinnedQueries.Parse(json));

    [Fact]
    public void Without_a_path_nothing_is_pinned()
    {
        using var pins = new PinnedQueries(null, log);
        Assert.Empty(pins.For("oil"));
    }

    [Fact]
    public async Task A_changed_file_is_read_again()
    {
        System.IO.File.WriteAllText(File, """{ "oil": ["a-1"] }""");
        using var pins = Open();

        System.IO.File.WriteAllText(File, """{ "oil": ["a-2", "a-1"] }""");

        await WaitUntilAsync(() => pins.For("oil").SequenceEqual(["a-2", "a-1"]));
    }

    [Fact]
    public async Task A_file_created_after_start_up_is_read()
    {
        using var pins = Open();

        System.IO.File.WriteAllText(File, """{ "oil": ["a-1"] }""");

        await WaitUntilAsync(() => pins.For("oil").SequenceEqual(["a-1"]));
    }

    [Fact]
    public async Task A_bad_file_is_a_warning_naming_it_and_the_last_good_pins_stay()
    {
        System.IO.File.WriteAllText(File, """{ "oil": ["a-1"] }""");
        using var pins = Open();

        System.IO.File.WriteAllText(File, """{ "oil": ["a-2" """);

        await WaitUntilAsync(() => log.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains(File)));
        Assert.Equal(["a-1"], pins.For("oil"));
    }

    public void Dispose() => folder.Dispose();
}
