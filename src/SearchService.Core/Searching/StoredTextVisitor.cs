using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Reads a paragraph's stored text and nothing else: no <see cref="Lucene.Net.Documents.Document"/> of all its stored
/// fields, and the fields after the text are not read at all. A question's feedback reads ten paragraphs this way.
/// </summary>
internal sealed class StoredTextVisitor : StoredFieldVisitor
{
    private string? text;

    /// <summary>The stored text of document <paramref name="doc"/>; empty when it has none.</summary>
    public static string Read(IndexSearcher searcher, int doc)
    {
        var visitor = new StoredTextVisitor();
        searcher.Doc(doc, visitor);
        return visitor.text ?? "";
    }

    public override Status NeedsField(FieldInfo fieldInfo) =>
        text is not null ? Status.STOP : fieldInfo.Name == IndexSchema.Text ? Status.YES : Status.NO;

    public override void StringField(FieldInfo fieldInfo, string value) => text = value;
}
