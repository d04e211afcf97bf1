using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

public sealed class SearchWarmUpTests : IDisposable
{
    private readonly TestIndex index = new();

    [Fact]
    public void An_empty_index_is_not_searched()
    {
        Assert.Equal(0, SearchWarmUp.Run(index.Index, new ParagraphSearcher(index.Index), CancellationToken.None));
    }

    [Fact]
    public void Every_shape_of_search_runs_with_words_of_the_index()
    {
        index.Add(new Article("a1", "Talks", ["Pakistan summoned the Russian envoy over the remarks."]),
            TestIndex.FacetsOf(region: ["Pakistan"]));

        var searches = SearchWarmUp.Run(index.Index, new ParagraphSearcher(index.Index), CancellationToken.None);

        Assert.True(searches > 100, $"{searches} searches");
    }

    [Fact]
    public void Stopping_ends_the_warm_up_early()
    {
        index.Add(new Article("a1", "Talks", ["Pakistan summoned the Russian envoy over the remarks."]));
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        Assert.Equal(1, SearchWarmUp.Run(index.Index, new ParagraphSearcher(index.Index), stopping.Token));
    }

    public void Dispose() => index.Dispose();
}
