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

    [Fact]
    public void The_first_search_prepared_at_start_up_is_a_word_of_the_first_paragraph()
    {
        index.Add(new Article("a1", "Talks", ["Pakistan summoned the Russian envoy over the remarks."]));

        var request = SearchWarmUp.FirstRequest(index.Index);

        Assert.Equal("Pakistan", request?.Query);
        Assert.Equal(1, new ParagraphSearcher(index.Index).Search(request!).Total);
    }

    [Fact]
    public void No_first_search_is_prepared_over_an_empty_index()
    {
        Assert.Null(SearchWarmUp.FirstRequest(index.Index));
    }

    public void Dispose() => index.Dispose();
}
