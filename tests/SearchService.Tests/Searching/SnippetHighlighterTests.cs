using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

public sealed class SnippetHighlighterTests : IDisposable
{
    private readonly Lucene.Net.Analysis.Analyzer analyzer = IndexSchema.CreateAnalyzer();

    private string Highlight(string q, string text) =>
        new SnippetHighlighter(analyzer).Highlight(new UserQueryParser(analyzer).Parse(q), text);

    [Fact]
    public void Match_is_wrapped_in_mark()
    {
        Assert.Equal("Talks on <mark>terrorism</mark> went well.", Highlight("terrorism", "Talks on terrorism went well."));
    }

    [Fact]
    public void Headline_matches_are_marked_and_its_markup_encoded()
    {
        var title = new SnippetHighlighter(analyzer).For(new UserQueryParser(analyzer).Parse("cocoa prices"), IndexSchema.Title);
        Assert.Equal("<mark>Cocoa</mark> &lt;b&gt;<mark>prices</mark>&lt;/b&gt; &amp; Ghana", title("Cocoa <b>prices</b> & Ghana"));
    }

    [Fact]
    public void Markup_in_the_text_is_encoded_and_mark_stays_intact()
    {
        var snippet = Highlight("terrorism", "<script>alert('x')</script> Tom & Jerry fight <b>terrorism</b>");
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tom &amp; Jerry fight &lt;b&gt;<mark>terrorism</mark>&lt;/b&gt;", snippet);
    }

    [Fact]
    public void Image_with_onerror_cannot_come_through()
    {
        var snippet = Highlight("cat", "A cat <img src=x onerror=alert(1)> sat.");
        Assert.DoesNotContain("<img", snippet);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", snippet);
    }

    [Fact]
    public void Typographic_quotes_stay_readable()
    {
        Assert.Equal("“Both sides fight <mark>terrorism</mark>,” it added.", Highlight("terrorism", "“Both sides fight terrorism,” it added."));
    }

    [Fact]
    public void Stemmed_forms_are_highlighted()
    {
        Assert.Contains("<mark>agreed</mark>", Highlight("agree", "Pakistan and Russia agreed to talk."));
    }

    [Fact]
    public void Long_paragraph_is_cut_with_ellipses_around_the_best_fragment()
    {
        var text = string.Join(' ', Enumerable.Repeat("Delegates met for a long session.", 20))
                   + " Then the talk turned to terrorism financing."
                   + string.Join(' ', Enumerable.Repeat(" Delegates met again the next day.", 20));
        var snippet = Highlight("terrorism", text);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>terrorism</mark>", snippet);
        Assert.InRange(snippet.Length, 100, 320);
    }

    [Fact]
    public void Without_a_query_the_snippet_is_the_start_of_the_paragraph()
    {
        var text = "Pakistan and Russia on Monday agreed to further broaden their bilateral engagement on issues related to combating international terrorism and other challenges to security and the spread of terrorist mindset.";
        var snippet = new SnippetHighlighter(analyzer).Highlight(null, text);
        Assert.StartsWith("Pakistan and Russia on Monday", snippet);
        Assert.EndsWith("…", snippet);
        Assert.True(snippet.Length <= SnippetHighlighter.FragmentLength + 1);
    }

    [Fact]
    public void Short_paragraph_without_a_match_is_shown_whole_and_encoded()
    {
        var query = new TermQuery(new Term(IndexSchema.Title, "pakistan"));
        Assert.Equal("Oil &amp; gas.", new SnippetHighlighter(analyzer).Highlight(query, "Oil & gas."));
    }

    [Fact]
    public void A_quoted_phrase_is_marked_where_its_words_stand_together_and_not_where_they_stand_apart()
    {
        var snippet = Highlight("\"foreign office\"", "The office said foreign ministers would meet. The Foreign Office confirmed it.");
        Assert.Equal("The office said foreign ministers would meet. The <mark>Foreign</mark> <mark>Office</mark> confirmed it.", snippet);
    }

    [Fact]
    public void The_fragment_with_more_of_the_query_words_is_chosen_over_the_first_match()
    {
        var text = "Oil was mentioned early on. " + string.Join(' ', Enumerable.Repeat("Delegates met for a long session.", 12))
                   + " Crude oil prices rose 40 cents a barrel in early trading. "
                   + string.Join(' ', Enumerable.Repeat("Delegates met again the next day.", 12));
        var snippet = Highlight("oil prices", text);
        Assert.StartsWith("…", snippet);
        Assert.Contains("Crude <mark>oil</mark> <mark>prices</mark> rose", snippet);
        Assert.DoesNotContain("mentioned early", snippet);
    }

    [Fact]
    public void A_fragment_is_never_cut_inside_a_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("Delegates met.", 30)) + " Terrorism financing was discussed at length by everyone there.";
        var snippet = Highlight("terrorism financing", text);
        Assert.Contains("<mark>Terrorism</mark> <mark>financing</mark>", snippet);
        Assert.True(snippet.Length <= SnippetHighlighter.FragmentLength + 40, snippet);
    }

    [Fact]
    public void A_prefix_query_marks_every_word_it_matches()
    {
        var query = new PrefixQuery(new Term(IndexSchema.Text, "terror"));
        var snippet = new SnippetHighlighter(analyzer).Highlight(query, "Terrorists were blamed; terrorism is on the agenda.");
        Assert.Equal("<mark>Terrorists</mark> were blamed; <mark>terrorism</mark> is on the agenda.", snippet);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("terrorism")]
    public void A_paragraph_without_spaces_is_never_cut_inside_a_character(string? q)
    {
        // An odd start puts the 200th UTF-16 unit in the middle of an emoji's surrogate pair.
        var text = "x terrorism " + string.Concat(Enumerable.Repeat("\U0001F600", 150));
        var query = q is null ? null : new UserQueryParser(analyzer).Parse(q);

        var snippet = new SnippetHighlighter(analyzer).Highlight(query, text);

        Assert.True(snippet.Length > 100, snippet);
        Assert.DoesNotContain(snippet.Select((c, i) => (c, i)), p =>
            char.IsHighSurrogate(p.c) && (p.i + 1 == snippet.Length || !char.IsLowSurrogate(snippet[p.i + 1])));
    }

    [Fact]
    public async Task A_paragraph_of_fifty_thousand_matches_is_highlighted_at_its_best_fragment()
    {
        // Each fragment tried was weighed against every match of the paragraph, and each phrase looked for from its
        // start: a paragraph like this took hours of a core. Not a timing target: a hang check with an hour's margin
        // (a TimeoutException after a minute).
        var text = string.Concat(Enumerable.Repeat("oil gas ", 50_000)) + "pipeline oil gas";

        var snippet = await Task.Run(() => Highlight("\"oil gas\" pipeline", text)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>oil</mark> <mark>gas</mark> <mark>pipeline</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sloppy_phrase_of_one_word_repeated_over_a_paragraph_of_that_word_is_highlighted_without_a_hang()
    {
        // Every occurrence of the phrase shares its tokens with the others: each token was marked once per occurrence,
        // and each fragment tried read all of those marks. A search for this phrase over such a paragraph ran for
        // minutes in its snippet alone. Not a timing target: a hang check (a TimeoutException after a minute).
        var text = string.Concat(Enumerable.Repeat("oil ", 2_400)).TrimEnd();
        var phrase = new PhraseQuery { Slop = 10_000 };
        for (var position = 0; position < 200; position++)
            phrase.Add(new Term(IndexSchema.Text, "oil"), position);

        var snippet = await Task.Run(() => new SnippetHighlighter(analyzer).Highlight(phrase, text)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.StartsWith("<mark>oil</mark> <mark>oil</mark> ", snippet, StringComparison.Ordinal);
        Assert.EndsWith("<mark>oil</mark>…", snippet, StringComparison.Ordinal);
        Assert.Equal(50, snippet.Split("<mark>oil</mark>").Length - 1);
    }

    [Fact]
    public void A_phrase_of_the_widest_slop_is_marked()
    {
        // Lucene syntax takes any slop up to int.MaxValue ("crude prices"~2147483647): the window's end wrapped around
        // and the phrase, matched by the search, was never marked.
        var phrase = new PhraseQuery { Slop = int.MaxValue };
        phrase.Add(new Term(IndexSchema.Text, "crude"));
        phrase.Add(new Term(IndexSchema.Text, "oil"));

        var snippet = new SnippetHighlighter(analyzer).Highlight(phrase, "Crude output fell as oil demand slowed.");

        Assert.Equal("<mark>Crude</mark> output fell as <mark>oil</mark> demand slowed.", snippet);
    }

    public void Dispose() => analyzer.Dispose();
}
