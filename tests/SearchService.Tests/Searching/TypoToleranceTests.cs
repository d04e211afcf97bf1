using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Misspelt words are corrected from the index's vocabulary, below exact matches, and only when misspelt.</summary>
public sealed class TypoToleranceTests : IDisposable
{
    private readonly TestIndex index = new();

    public TypoToleranceTests()
    {
        index.Add(new Article("typo", "Border", ["Troops left Afganistan in August, the ministry said."]));
        for (var i = 0; i < 10; i++)
            index.Add(new Article($"a{i}", "Region", [$"Talks on Afghanistan resumed in round {i} of the negotiations on terrorism."]));
    }

    private SearchResult Search(string q) => new ParagraphSearcher(index.Index).Search(new SearchRequest(q, PageSize: 20));

    [Fact]
    public void Misspelt_word_finds_the_correctly_spelt_paragraphs()
    {
        Assert.Equal(10, Search("terorism").Total);
    }

    [Fact]
    public void Misspelt_word_gets_a_readable_suggestion()
    {
        Assert.Equal("terrorism talks", Search("terorism talks").DidYouMean);
    }

    [Fact]
    public void A_rare_spelling_that_exists_ranks_first_and_the_common_one_follows()
    {
        var hits = Search("Afganistan").Hits;
        Assert.Equal("typo", hits[0].ArticleId);
        Assert.Equal(11, hits.Count);
    }

    [Fact]
    public void In_a_question_a_rare_word_the_index_knows_is_taken_as_meant()
    {
        // "Afganistan" is in one paragraph: in a short query it may be a typo the corpus shares; in a sentence it is meant.
        var result = Search("when did troops leave Afganistan");
        Assert.Null(result.DidYouMean);
        Assert.Equal("typo", result.Hits[0].ArticleId);
        Assert.DoesNotContain(result.Hits, h => h.ArticleId != "typo" && h.Snippet.Contains("<mark>Afghanistan</mark>"));
    }

    [Fact]
    public void In_a_question_a_word_the_index_does_not_know_is_still_corrected()
    {
        Assert.Equal("when did the terrorism talks resume", Search("when did the terorism talks resume").DidYouMean);
    }

    [Fact]
    public void Correctly_spelt_query_is_not_expanded_and_has_no_suggestion()
    {
        var result = Search("Afghanistan");
        Assert.Equal(10, result.Total);
        Assert.Null(result.DidYouMean);
    }

    public void Dispose() => index.Dispose();
}
