using System.Globalization;
using Lucene.Net.Documents;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>Reads the stored fields of a paragraph document back into typed values.</summary>
internal static class StoredParagraph
{
    public static string Get(Document doc, string field) => doc.Get(field) ?? "";

    public static string? GetOptional(Document doc, string field) => doc.Get(field);

    public static IReadOnlyList<string> GetAll(Document doc, string field) => doc.GetValues(field) ?? [];

    public static int ParagraphNumber(Document doc) => doc.GetField(IndexSchema.Paragraph)?.GetInt32Value() ?? 0;

    public static DateTimeOffset? Date(Document doc) =>
        doc.Get(IndexSchema.Date) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
            ? date
            : null;
}
