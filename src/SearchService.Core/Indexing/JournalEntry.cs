using System.Text.Json;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>One line of the API write journal: a write of <paramref name="Article"/> or, without one, a delete of <paramref name="Id"/>.</summary>
public sealed record JournalEntry(string Id, Article? Article)
{
    public static JournalEntry Put(Article article) => new(article.Id, article);

    public static JournalEntry Delete(string articleId) => new(articleId, null);

    /// <summary>The journal line, without its newline.</summary>
    public byte[] ToLine()
    {
        if (Article is not { } article)
            return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["op"] = "delete", ["id"] = Id });
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("op", "put");
            json.WriteString("id", article.Id);
            json.WriteString("title", article.Title);
            if (article.Date is { } date)
                json.WriteString("date", date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            WriteOptional(json, "byline", article.Byline);
            WriteOptional(json, "dateline", article.Dateline);
            WriteOptional(json, "source", article.Source);
            WriteOptional(json, PublisherFields.Url, article.Url);
            WriteOptional(json, PublisherFields.Section, article.Section);
            WriteOptional(json, PublisherFields.Language, article.Language);
            if (article.Fields is { Count: > 0 } fields)
            {
                json.WriteStartObject(PublisherFields.Fields);
                foreach (var (name, value) in fields)
                    json.WriteString(name, value);
                json.WriteEndObject();
            }
            json.WriteStartArray("paragraphs");
            foreach (var paragraph in article.Paragraphs)
                json.WriteStringValue(paragraph);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The entry of a journal line, or null when it cannot be read.</summary>
    /// <param name="idOnly">Only the article id is wanted (a line the index holds already): the article is not parsed.</param>
    public static JournalEntry? Parse(string line, bool idOnly = false)
    {
        string? id;
        try
        {
            using var json = JsonDocument.Parse(line);
            id = json.RootElement.GetProperty("id").GetString();
            if (idOnly || (json.RootElement.TryGetProperty("op", out var op) && op.ValueEquals("delete")))
                return id is null ? null : Delete(id);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
        return JsonlArticleReader.ParseLine(line, out _) is { } article ? Put(article) : null;
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }
}
