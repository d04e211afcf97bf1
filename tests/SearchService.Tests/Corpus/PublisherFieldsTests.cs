using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Tests.Corpus;

public class PublisherFieldsTests
{
    private const string Paragraphs = "\"paragraphs\": [\"Crude oil prices rose on Monday as OPEC ministers met in Vienna.\"]";

    private static Article? Parse(string publisherFields, out string? problem, out string? field) =>
        JsonlArticleReader.ParseLine($$"""{"id": "opec-1987-03-02", "title": "OPEC meets in Vienna", {{publisherFields}}, {{Paragraphs}}}""", out problem, out field);

    [Fact]
    public void A_news_line_gives_its_url_byline_section_language_and_own_fields()
    {
        var article = Parse("""
            "url": "https://www.example-news.com/markets/2024/03/02/opec-meets", "byline": "Ruth Gant", "section": "Markets", "language": "en",
            "fields": {"desk": "Energy", "edition": "Europe"}
            """, out var problem, out _);

        Assert.Null(problem);
        Assert.NotNull(article);
        Assert.Equal("https://www.example-news.com/markets/2024/03/02/opec-meets", article.Url);
        Assert.Equal("Ruth Gant", article.Byline);
        Assert.Equal("Markets", article.Section);
        Assert.Equal("en", article.Language);
        Assert.Equal(new Dictionary<string, string> { ["desk"] = "Energy", ["edition"] = "Europe" }, article.Fields);
    }

    [Theory]
    [InlineData("/markets/opec-meets")]
    [InlineData("ftp://files.example-news.com/opec.txt")]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.example-news.com/opec")]
    public void A_url_that_is_not_an_absolute_web_address_is_refused_naming_url(string url)
    {
        Assert.Null(Parse($"\"url\": \"{url}\"", out var problem, out var field));
        Assert.Equal("url", field);
        Assert.Contains("absolute http or https", problem);
    }

    [Fact]
    public void A_field_that_is_not_a_string_is_refused_naming_it()
    {
        Assert.Null(Parse("""  "fields": {"desk": "Energy", "pages": 4}  """, out var problem, out var field));
        Assert.Equal("fields.pages", field);
        Assert.Contains("must be a string", problem);
    }

    [Fact]
    public void A_field_value_over_the_bound_is_refused_naming_it()
    {
        var longValue = string.Join(' ', Enumerable.Repeat("Energy", 100));
        Assert.Null(Parse($$"""  "fields": {"desk": "{{longValue}}"}  """, out var problem, out var field));
        Assert.Equal("fields.desk", field);
        Assert.Contains($"{PublisherFields.MaxValueLength}", problem);
    }

    [Fact]
    public void One_field_more_than_the_bound_is_refused_naming_it()
    {
        var fields = string.Join(", ", Enumerable.Range(1, PublisherFields.MaxFields + 1).Select(n => $"\"tag{n}\": \"value {n}\""));
        Assert.Null(Parse($"\"fields\": {{{fields}}}", out _, out var field));
        Assert.Equal($"fields.tag{PublisherFields.MaxFields + 1}", field);
    }

    [Theory]
    [InlineData("Desk")]
    [InlineData("news desk")]
    [InlineData("1desk")]
    public void A_field_name_outside_lower_case_words_is_refused(string name)
    {
        Assert.Null(Parse($$"""  "fields": {"{{name}}": "Energy"}  """, out _, out var field));
        Assert.Equal($"fields.{name}", field);
    }

    [Fact]
    public void Fields_that_are_not_an_object_are_refused_naming_fields()
    {
        Assert.Null(Parse("""  "fields": ["Energy"]  """, out _, out var field));
        Assert.Equal("fields", field);
    }

    [Fact]
    public void A_line_without_publisher_fields_reads_as_before()
    {
        var article = Parse("\"source\": \"Reuters\"", out var problem, out var field);
        Assert.Null(problem);
        Assert.Null(field);
        Assert.NotNull(article);
        Assert.Null(article.Url);
        Assert.Null(article.Section);
        Assert.Null(article.Fields);
    }

    [Fact]
    public void The_write_journal_keeps_every_publisher_field()
    {
        var article = Parse("""
            "url": "https://www.example-news.com/opec", "section": "Markets", "language": "en", "byline": "Ruth Gant", "fields": {"desk": "Energy"}
            """, out _, out _)!;

        var replayed = JournalEntry.Parse(System.Text.Encoding.UTF8.GetString(JournalEntry.Put(article).ToLine()))!.Article!;

        Assert.Equal((article.Url, article.Section, article.Language, article.Byline), (replayed.Url, replayed.Section, replayed.Language, replayed.Byline));
        Assert.Equal(article.Fields, replayed.Fields);
    }
}
