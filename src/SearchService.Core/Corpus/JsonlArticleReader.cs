using System.Globalization;
using System.Text.Json;

namespace SearchService.Core.Corpus;

/// <summary>
/// Reads JSON Lines: one article an object with <c>id</c>, <c>title</c>, optional <c>date</c>, <c>dateline</c>,
/// <c>source</c>, <c>byline</c>, and <c>paragraphs</c> (array of strings) or <c>body</c> (split on blank lines).
/// A bad line is reported and skipped; the file is streamed, so its size does not matter.
/// </summary>
public static class JsonlArticleReader
{
    /// <param name="bytesRead">Told the stream position as lines are read, for progress reporting.</param>
    public static IEnumerable<Article> Read(Stream stream, string file, Action<CorpusProblem> report, Action<long>? bytesRead = null)
    {
        using var reader = new Utf8LineReader(stream);
        var lineNumber = 0;
        while (reader.ReadLine() is { } bytes)
        {
            lineNumber++;
            bytesRead?.Invoke(reader.Position);
            if (reader.LineTooLong)
            {
                report(new CorpusProblem(file, lineNumber, $"line longer than {Utf8LineReader.MaxLineBytes / (1024 * 1024)} MiB"));
                continue;
            }
            var line = CorpusText.TryDecode(bytes.Span, out var problem);
            if (line is null)
            {
                report(new CorpusProblem(file, lineNumber, problem!));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var article = ParseLine(line, out problem);
            if (article is null)
                report(new CorpusProblem(file, lineNumber, problem!));
            else
                yield return article;
        }
    }

    /// <summary>Parses one JSON line into an article; returns null with a reason when it is not a valid article.</summary>
    public static Article? ParseLine(string line, out string? problem)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail("not a JSON object", out problem);

            var id = OptionalString(root, "id")?.Trim();
            if (string.IsNullOrEmpty(id))
                return Fail("missing \"id\"", out problem);
            if (ArticleIds.Problem(id) is { } idProblem)
                return Fail(idProblem, out problem);

            IReadOnlyList<string> paragraphs;
            if (root.TryGetProperty("paragraphs", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                if (array.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
                    return Fail("\"paragraphs\" must be an array of strings", out problem);
                paragraphs = array.EnumerateArray().Select(p => ParagraphSplitter.Normalize(p.GetString()!)).Where(p => p.Length > 0).ToList();
            }
            else if (OptionalString(root, "body") is { } body)
                paragraphs = ParagraphSplitter.Split(body);
            else
                return Fail("neither \"paragraphs\" nor \"body\"", out problem);

            if (paragraphs.Count == 0)
                return Fail("no paragraphs", out problem);

            DateTimeOffset? date = null;
            if (OptionalString(root, "date") is { } dateText)
            {
                if (!DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    return Fail($"\"date\" is not a date: {dateText}", out problem);
                date = parsed;
            }

            problem = null;
            return new Article(
                id,
                ParagraphSplitter.Normalize(OptionalString(root, "title") ?? ""),
                paragraphs,
                date,
                OptionalString(root, "byline"),
                OptionalString(root, "dateline"),
                OptionalString(root, "source"));
        }
        catch (JsonException e)
        {
            return Fail($"malformed JSON: {e.Message}", out problem);
        }
        catch (InvalidOperationException e)
        {
            return Fail($"unexpected JSON shape: {e.Message}", out problem);
        }
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Article? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
