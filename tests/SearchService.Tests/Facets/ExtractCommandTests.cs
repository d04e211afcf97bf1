using System.Text;
using System.Text.Json.Nodes;
using SearchService.Indexer;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Facets;

/// <summary>The extract command: one JSON line per article, in input order, with article and paragraph facets.</summary>
public class ExtractCommandTests
{
    private static List<JsonNode> Extract(params string[] jsonLines)
    {
        using var dir = new TempDirectory();
        var file = dir.WriteFile("articles.jsonl", string.Join('\n', jsonLines));
        using var output = new MemoryStream();
        Assert.Equal(0, ExtractCommand.Run(Facets.Extractor, file, threads: 2, output, TextWriter.Null));
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!).ToList();
    }

    private static string Article(int n) =>
        new JsonObject
        {
            ["id"] = $"a{n}",
            ["title"] = "Pakistan and Russia agree to broaden engagement",
            ["dateline"] = "ISLAMABAD",
            ["paragraphs"] = new JsonArray("Pakistan and Russia agreed on Monday to broaden their engagement, the Foreign Office said.",
                "The next meeting will be held in 2022."),
        }.ToJsonString();

    [Fact]
    public void One_line_per_article_in_input_order() =>
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"a{n}"), Extract(Enumerable.Range(1, 40).Select(Article).ToArray()).Select(l => (string)l["id"]!));

    [Fact]
    public void Line_holds_article_and_paragraph_facets()
    {
        var line = Extract(Article(1)).Single();
        Assert.Equal(["Pakistan", "Russia"], line["region"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("Foreign Office", line["speaker"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(2, line["paragraphs"]!.AsArray().Count);
        Assert.NotNull(line["paragraphs"]![0]!["topic"]);
    }

    [Fact]
    public void Missing_file_exits_with_2_and_says_it_does_not_exist()
    {
        var log = new StringWriter();
        Assert.Equal(2, ExtractCommand.Run(Facets.Extractor, "/nonexistent/articles.jsonl", null, Stream.Null, log));
        Assert.Contains("does not exist", log.ToString());
    }

    [Fact]
    public void Speakers_are_the_same_whatever_order_the_articles_come_in()
    {
        static string Line(int n, string paragraph) => new JsonObject
        {
            ["id"] = $"b{n}", ["title"] = "Budget", ["dateline"] = "LONDON", ["paragraphs"] = new JsonArray(paragraph),
        }.ToJsonString();
        var lines = new[]
        {
            Line(1, "The budget would cut the basic rate of income tax, Lawson said."),
            Line(2, "Chancellor of the Exchequer Nigel Lawson said sterling was stable."),
            Line(3, "Chancellor of the Exchequer Nigel Lawson said inflation would fall."),
        };
        static Dictionary<string, string> Speakers(List<JsonNode> extracted) =>
            extracted.ToDictionary(l => (string)l["id"]!, l => string.Join("|", l["speaker"]!.AsArray().Select(v => (string)v!)));
        var forward = Speakers(Extract(lines));
        Assert.Equal(forward, Speakers(Extract(lines.Reverse().ToArray())));
        Assert.Equal("Nigel Lawson", forward["b1"]);
    }
}
