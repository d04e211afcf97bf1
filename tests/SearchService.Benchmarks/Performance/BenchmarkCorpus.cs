using System.Text.Json;
using System.Text.Json.Serialization;
using SearchService.Core.Corpus;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// The Reuters articles from ../shared, optionally cut short, replicated (10x: each article ten times, new ids) or given
/// a publisher's fields (the Reuters file has none), so a run can show what those fields cost.
/// </summary>
public static class BenchmarkCorpus
{
    private static readonly string[] Sections = ["Markets", "Economy", "Commodities", "Companies", "Politics", "World"];
    private static readonly string[] Desks = ["London", "New York", "Tokyo", "Singapore"];

    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<Article> Load(string jsonl, int? limit, int scale, bool publisherFields = false)
    {
        using var stream = File.OpenRead(jsonl);
        var articles = JsonlArticleReader.Read(stream, jsonl, problem => Console.Error.WriteLine(problem)).Take(limit ?? int.MaxValue).ToList();
        var replicated = scale == 1
            ? articles
            : Enumerable.Range(0, scale).SelectMany(copy => articles.Select(a => copy == 0 ? a : a with { Id = $"{a.Id}~{copy}" })).ToList();
        return publisherFields ? replicated.Select(WithPublisherFields).ToList() : replicated;
    }

    /// <summary>
    /// The article with every publisher field a newsroom's feed may carry: source, a byline among 40, a section among
    /// six, a language, a url and two free fields (a desk among four, a wire), chosen from its position so runs agree.
    /// </summary>
    public static Article WithPublisherFields(Article article, int position) => article with
    {
        Source = "Reuters",
        Byline = $"Reporter {position % 40}",
        Section = Sections[position % Sections.Length],
        Language = "en",
        Url = $"https://news.example/articles/{Uri.EscapeDataString(article.Id)}",
        Fields = new Dictionary<string, string> { ["desk"] = Desks[position % Desks.Length], ["wire"] = "reuters" },
    };

    /// <summary>Writes the articles as .jsonl, the corpus format the service reads, publisher fields included.</summary>
    public static void Write(IEnumerable<Article> articles, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var article in articles)
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = article.Id,
                title = article.Title,
                date = article.Date,
                dateline = article.Dateline,
                paragraphs = article.Paragraphs,
                byline = article.Byline,
                source = article.Source,
                url = article.Url,
                section = article.Section,
                language = article.Language,
                fields = article.Fields,
            }, LineOptions));
        }
    }
}
