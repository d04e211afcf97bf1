using System.Text;
using SearchService.Core.Corpus;

namespace SearchService.Tests.Corpus;

public class JsonlArticleReaderTests
{
    private static (List<Article> Articles, List<CorpusProblem> Problems) Read(string jsonl)
    {
        var problems = new List<CorpusProblem>();
        var articles = JsonlArticleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "news.jsonl", problems.Add).ToList();
        return (articles, problems);
    }

    [Fact]
    public void Reads_every_field_of_a_line()
    {
        var (articles, _) = Read("""
            {"id": "reuters-1", "title": "BAHIA COCOA REVIEW", "dateline": "SALVADOR, Feb 26", "date": "1987-02-26T15:01:01.790000", "source": "Reuters", "paragraphs": ["Showers continued throughout the week.", "The dry period means the temporao will be late."]}
            """);
        var article = Assert.Single(articles);
        Assert.Equal("reuters-1", article.Id);
        Assert.Equal("BAHIA COCOA REVIEW", article.Title);
        Assert.Equal("SALVADOR, Feb 26", article.Dateline);
        Assert.Equal("Reuters", article.Source);
        Assert.Equal(new DateTime(1987, 2, 26, 15, 1, 1, 790), article.Date!.Value.UtcDateTime);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Body_is_split_on_blank_lines()
    {
        var (articles, _) = Read("""{"id": "a", "title": "T", "body": "Oil prices rose.\n\nOPEC met in Vienna.\nIt agreed quotas."}""");
        Assert.Equal(["Oil prices rose.", "OPEC met in Vienna. It agreed quotas."], Assert.Single(articles).Paragraphs);
    }

    [Fact]
    public void Malformed_line_is_reported_with_its_number_and_the_rest_still_reads()
    {
        var (articles, problems) = Read("""
            {"id": "a", "title": "One", "paragraphs": ["First."]}
            {"id": "b", "title": "Two", "paragraphs": [
            {"id": "c", "title": "Three", "paragraphs": ["Third."]}
            """);
        Assert.Equal(["a", "c"], articles.Select(a => a.Id));
        var problem = Assert.Single(problems);
        Assert.Equal(("news.jsonl", 2), (problem.File, problem.Line!.Value));
        Assert.Contains("malformed JSON", problem.Message);
    }

    [Theory]
    [InlineData("""{"title": "No id", "paragraphs": ["x"]}""", "missing \"id\"")]
    [InlineData("""{"id": "a", "title": "No body"}""", "neither")]
    [InlineData("""{"id": "a", "paragraphs": [1, 2]}""", "array of strings")]
    [InlineData("""{"id": "a", "paragraphs": ["x"], "date": "yesterday"}""", "not a date")]
    [InlineData("""[1, 2, 3]""", "not a JSON object")]
    public void Invalid_article_is_reported(string line, string expected)
    {
        var (articles, problems) = Read(line);
        Assert.Empty(articles);
        Assert.Contains(expected, Assert.Single(problems).Message);
    }

    [Fact]
    public void Line_of_invalid_utf8_is_skipped_and_its_neighbours_still_read()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\": \"a\", \"paragraphs\": [\"ok\"]}\n")
            .Concat(new byte[] { 0xC3, 0x28, 0x0A })
            .Concat(Encoding.UTF8.GetBytes("{\"id\": \"b\", \"paragraphs\": [\"caf\u00e9\"]}\r\n"))
            .ToArray();
        var problems = new List<CorpusProblem>();
        var articles = JsonlArticleReader.Read(new MemoryStream(bytes), "bad.jsonl", problems.Add).ToList();
        Assert.Equal(["a", "b"], articles.Select(a => a.Id));
        Assert.Equal("café", articles[1].Paragraphs[0]);
        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("invalid UTF-8", problem.Message);
    }
}
