using System.Text.Json;
using SearchService.Core.Corpus;

namespace SearchService.Benchmarks.Performance;

/// <summary>The Reuters articles from ../shared, optionally cut short or replicated (10x: each article ten times, new ids).</summary>
public static class BenchmarkCorpus
{
    public static IReadOnlyList<Article> Load(string jsonl, int? limit, int scale)
    {
        using var stream = File.OpenRead(jsonl);
        var articles = JsonlArticleReader.Read(stream, jsonl, problem => Console.Error.WriteLine(problem)).Take(limit ?? int.MaxValue).ToList();
        return scale == 1
            ? articles
            : Enumerable.Range(0, scale).SelectMany(copy => articles.Select(a => copy == 0 ? a : a with { Id = $"{a.Id}~{copy}" })).ToList();
    }

    /// <summary>Writes the articles as .jsonl, the corpus format the service reads.</summary>
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
            }));
        }
    }
}
