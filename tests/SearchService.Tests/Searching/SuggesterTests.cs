using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

public sealed class SuggesterTests : IDisposable
{
    private readonly TestIndex index = new();
    private readonly Suggester suggester;

    public SuggesterTests()
    {
        index.Add(Article("a1",
                "Oil prices rose as the foreign ministry met.",
                "Oil prices fell; the countries disagreed about oil production."),
            TestIndex.FacetsOf(region: ["Saudi Arabia"], speaker: ["Vladimir Putin"]),
            TestIndex.FacetsOf(region: ["Afghanistan"]));
        index.Add(Article("a2", "Oil prices were steady, the foreign ministry said.", "Countries of the region agreed."));
        suggester = new Suggester(index.Index, NullLogger<Suggester>.Instance, rebuildInterval: TimeSpan.Zero);
    }

    [Fact]
    public void A_prefix_is_completed_to_its_most_frequent_word_first()
    {
        var words = Terms(suggester.Suggest("pri", 5));
        Assert.Equal("prices", words[0]);
    }

    [Fact]
    public void Completions_are_the_words_as_written_not_their_stems()
    {
        var words = Terms(suggester.Suggest("countr", 5));
        Assert.Contains("countries", words);
        Assert.DoesNotContain("countri", words);
    }

    [Fact]
    public void The_last_word_is_completed_as_a_phrase_with_the_word_before_it()
    {
        Assert.Equal("oil prices", Terms(suggester.Suggest("oil pr", 5))[0]);
    }

    [Fact]
    public void A_trailing_space_asks_for_the_next_word_of_a_phrase()
    {
        Assert.Equal(["foreign ministry"], Terms(suggester.Suggest("foreign ", 5)));
    }

    [Fact]
    public void Stop_words_are_not_offered()
    {
        Assert.DoesNotContain("the", Terms(suggester.Suggest("th", 10)));
    }

    [Fact]
    public void A_facet_value_is_found_by_any_of_its_words_and_comes_first()
    {
        var suggestions = suggester.Suggest("puti", 5);
        Assert.Equal(new Suggestion("Vladimir Putin", "speaker", 1), suggestions[0]);
    }

    [Fact]
    public void A_facet_value_is_not_repeated_as_a_word()
    {
        var suggestions = suggester.Suggest("saudi", 5);
        Assert.Equal("Saudi Arabia", suggestions[0].Text);
        Assert.DoesNotContain(suggestions, s => s.Text.Equals("saudi", StringComparison.OrdinalIgnoreCase) && s.Kind == "term");
    }

    [Fact]
    public void Words_added_to_the_index_are_offered_once_the_vocabulary_is_rebuilt()
    {
        Assert.Empty(suggester.Suggest("zeppel", 5));
        index.Add(Article("a3", "A zeppelin landed.", "Another zeppelin followed."));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Terms(suggester.Suggest("zeppel", 5)) is not ["zeppelin"] && DateTime.UtcNow < deadline)
            Thread.Sleep(20);

        Assert.Equal(["zeppelin"], Terms(suggester.Suggest("zeppel", 5)));
    }

    [Fact]
    public void Nothing_typed_gives_nothing()
    {
        Assert.Empty(suggester.Suggest("  ", 5));
    }

    private static List<string> Terms(IEnumerable<Suggestion> suggestions) =>
        suggestions.Where(s => s.Kind == "term").Select(s => s.Text).ToList();

    private static Article Article(string id, params string[] paragraphs) =>
        new(id, $"Article {id}", paragraphs);

    public void Dispose() => index.Dispose();
}
