using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Reads the stored fields a search hit shows straight into their values, skipping datelines, file names and article
/// facets: no <see cref="Lucene.Net.Documents.Document"/> and no field object per value, which made up a good part of
/// loading ten hits.
/// </summary>
internal sealed class StoredHitVisitor : StoredFieldVisitor
{
    public string ArticleId { get; private set; } = "";
    public int Paragraph { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Source { get; private set; }
    public string? Url { get; private set; }
    public string? Byline { get; private set; }
    public string? Section { get; private set; }
    public string? Language { get; private set; }
    /// <summary>The article's <c>fields</c> by name (without the <c>fields.</c> prefix); null when it has none.</summary>
    public Dictionary<string, string>? Fields { get; private set; }
    public List<string> Region { get; } = [];
    public List<string> Topic { get; } = [];
    public List<string> Speaker { get; } = [];
    private string? date;

    /// <summary>The stored fields of document <paramref name="doc"/>.</summary>
    public static StoredHitVisitor Read(IndexSearcher searcher, int doc)
    {
        var stored = new StoredHitVisitor();
        searcher.Doc(doc, stored);
        return stored;
    }

    public DateTimeOffset? Date =>
        date is not null && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : null;

    public override Status NeedsField(FieldInfo fieldInfo) => fieldInfo.Name switch
    {
        IndexSchema.ArticleId or IndexSchema.Paragraph or IndexSchema.Title or IndexSchema.Text
            or IndexSchema.Date or IndexSchema.Source or IndexSchema.Region or IndexSchema.Topic or IndexSchema.Speaker
            or IndexSchema.Url or IndexSchema.Byline or IndexSchema.Section or IndexSchema.Language => Status.YES,
        var name when name.StartsWith(PublisherFields.FieldPrefix, StringComparison.Ordinal) => Status.YES,
        _ => Status.NO,
    };

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        switch (fieldInfo.Name)
        {
            case IndexSchema.ArticleId: ArticleId = value; break;
            case IndexSchema.Title: Title = value; break;
            case IndexSchema.Text: Text = value; break;
            case IndexSchema.Date: date = value; break;
            case IndexSchema.Source: Source = value; break;
            case IndexSchema.Region: Region.Add(value); break;
            case IndexSchema.Topic: Topic.Add(value); break;
            case IndexSchema.Speaker: Speaker.Add(value); break;
            case IndexSchema.Url: Url = value; break;
            case IndexSchema.Byline: Byline = value; break;
            case IndexSchema.Section: Section = value; break;
            case IndexSchema.Language: Language = value; break;
            default:
                if (fieldInfo.Name.StartsWith(PublisherFields.FieldPrefix, StringComparison.Ordinal))
                    (Fields ??= new(StringComparer.Ordinal))[fieldInfo.Name[PublisherFields.FieldPrefix.Length..]] = value;
                break;
        }
    }

    public override void Int32Field(FieldInfo fieldInfo, int value)
    {
        if (fieldInfo.Name == IndexSchema.Paragraph)
            Paragraph = value;
    }
}
