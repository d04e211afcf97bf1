using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Corpus;

public class TxtArticleReaderTests
{
    private static Article Seed() =>
        TxtArticleReader.Parse(SharedFiles.SeedFileName, File.ReadAllText(SharedFiles.SeedArticle), out _)!;

    [Fact]
    public void Seed_has_exactly_ten_paragraphs()
    {
        Assert.Equal(10, Seed().Paragraphs.Count);
    }

    [Fact]
    public void Seed_title_is_the_first_line()
    {
        Assert.Equal("Global terrorism: Pakistan, Russia agree to broaden engagement", Seed().Title);
    }

    [Fact]
    public void Seed_byline_and_date_come_from_the_second_line()
    {
        var seed = Seed();
        Assert.Equal("Recorder Report", seed.Byline);
        Assert.Equal(new DateTimeOffset(2021, 11, 23, 0, 0, 0, TimeSpan.Zero), seed.Date);
    }

    [Fact]
    public void Seed_dateline_is_taken_off_the_first_paragraph()
    {
        var seed = Seed();
        Assert.Equal("ISLAMABAD", seed.Dateline);
        Assert.StartsWith("Pakistan and Russia on Monday agreed", seed.Paragraphs[0]);
    }

    [Fact]
    public void Seed_copyright_line_is_the_source_not_a_paragraph()
    {
        var seed = Seed();
        Assert.Equal("Business Recorder", seed.Source);
        Assert.DoesNotContain(seed.Paragraphs, p => p.Contains("Copyright"));
        Assert.Equal("The next meeting of the Working Group will be held in 2022.", seed.Paragraphs[^1]);
    }

    [Fact]
    public void Lines_of_one_paragraph_are_joined_with_a_space()
    {
        var article = TxtArticleReader.Parse("a.txt", "Title\n\nFirst line\ncontinues here.\n\nSecond.", out _)!;
        Assert.Equal(["First line continues here.", "Second."], article.Paragraphs);
    }

    [Fact]
    public void Article_without_byline_line_keeps_its_first_paragraph()
    {
        var article = TxtArticleReader.Parse("a.txt", "Floods in the north\n\nRivers rose overnight.\n\nThousands left their homes.", out _)!;
        Assert.Null(article.Date);
        Assert.Null(article.Byline);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Lower_case_words_before_a_colon_are_not_a_dateline()
    {
        var article = TxtArticleReader.Parse("a.txt", "Title\n\nThe message was clear: talks will go on.", out _)!;
        Assert.Null(article.Dateline);
        Assert.Equal("The message was clear: talks will go on.", article.Paragraphs[0]);
    }

    [Fact]
    public void Multi_word_upper_case_dateline_is_recognised()
    {
        var article = TxtArticleReader.Parse("a.txt", "Title\n\nNEW YORK: Stocks fell sharply on Monday.", out _)!;
        Assert.Equal("NEW YORK", article.Dateline);
        Assert.Equal("Stocks fell sharply on Monday.", article.Paragraphs[0]);
    }

    [Fact]
    public void Empty_text_is_not_an_article()
    {
        Assert.Null(TxtArticleReader.Parse("a.txt", "  \n\n ", out var problem));
        Assert.Equal("empty file", problem);
    }

    [Fact]
    public void Title_alone_is_not_an_article()
    {
        Assert.Null(TxtArticleReader.Parse("a.txt", "Only a headline\n", out var problem));
        Assert.Contains("no body", problem);
    }
}
