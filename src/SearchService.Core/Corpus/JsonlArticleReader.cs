using System.Globalization;
using System.Text.Json;

namespace SearchService.Core.Corpus;

/// <summary>
/// Reads JSON Lines: one article an object with <c>id</c>, <c>title</c>, optional <c>date</c>, <c>dateline</c>,
/// <c>source</c>, <c>byline</c>, the publisher's <c>url</c>, <c>section</c>, <c>language</c> and <c>fields</c>
/// (<see cref="PublisherFields"/>), and <c>paragraphs</c> (array of strings) or <c>body</c> (split on blank lines).
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
            var article = ParseLine(bytes.Span, reader.LineTooLong, out var problem);
            if (article is not null)
                yield return article;
            else if (problem is not null)
                report(new CorpusProblem(file, lineNumber, problem));
        }
    }

    /// <summary>
    /// One raw line as an article: null with the reason when it is not one, null without a reason when it is blank.
    /// </summary>
    /// <param name="tooLong">The reader skipped the line for its length (<see cref="Utf8LineReader.LineTooLong"/>).</param>
    public static Article? ParseLine(ReadOnlySpan<byte> bytes, bool tooLong, out string? problem)
    {
        if (tooLong)
        {
            problem = $"line longer than {Utf8LineReader.MaxLineBytes / (1024 * 1024)} MiB";
            return null;
        }
        var line = CorpusText.TryDecode(bytes, out problem);
        if (line is null || string.IsNullOrWhiteSpace(line))
            return null;
        return ParseLine(line, out problem);
    }

    /// <summary>Parses one JSON line into an article; returns null with a reason when it is not a valid article.</summary>
    public static Article? ParseLine(string line, out string? problem) => ParseLine(line, out problem, out _);

    /// <summary>
    /// Parses one JSON line into an article; returns null with a reason when it is not a valid article, and the
    /// publisher's field at fault (<c>url</c>, <c>fields.desk</c>) when the reason is one of them.
    /// </summary>
    public static Article? ParseLine(string line, out string? problem, out string? field)
    {
        field = null;
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
                paragraphs = ParagraphSplitter.Bounded(array.EnumerateArray().Select(p => p.GetString()!));
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

            var url = OptionalString(root, PublisherFields.Url)?.Trim();
            if (PublisherFields.UrlProblem(url) is { } badUrl)
                return Fail(PublisherFields.Url, badUrl, out problem, out field);
            var byline = OptionalString(root, "byline");
            var section = OptionalString(root, PublisherFields.Section)?.Trim();
            var language = OptionalString(root, PublisherFields.Language)?.Trim();
            foreach (var (name, value) in new[] { ("byline", byline), (PublisherFields.Section, section), (PublisherFields.Language, language) })
            {
                if (PublisherFields.ValueProblem(name, value) is { } tooLong)
                    return Fail(name, tooLong, out problem, out field);
            }
            var fields = PublisherFields.Read(root, out problem, out field);
            if (problem is not null)
                return null;

            return new Article(
                id,
                ParagraphSplitter.Normalize(OptionalString(root, "title") ?? ""),
                paragraphs,
                date,
                byline,
                OptionalString(root, "dateline"),
                OptionalString(root, "source"),
                NullIfEmpty(url),
                NullIfEmpty(section),
                NullIfEmpty(language),
                fields);
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Article? Fail(string name, string message, out string? problem, out string? field)
    {
        field = name;
        return Fail(message, out problem);
    }

    private static Article? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
