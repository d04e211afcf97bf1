using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Exact-term fields (<see cref="StringField"/>) reused from one paragraph document to the next on the same thread.
/// Lucene reuses a field's token stream only when the same <see cref="Field"/> instance is indexed again, and building
/// a new one costs more than indexing its single term. Safe because the index writer consumes a block's documents one
/// at a time, each before the next is built.
/// </summary>
internal sealed class ReusableExactFields
{
    [ThreadStatic]
    private static ReusableExactFields? forThisThread;

    private readonly Dictionary<string, List<StringField>> fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> used = new(StringComparer.Ordinal);
    private readonly Document document = new();

    public static ReusableExactFields ForThisThread => forThisThread ??= new ReusableExactFields();

    /// <summary>
    /// Makes every field available again and returns the thread's one document, emptied: call before building each
    /// document. Reused like the fields, since growing a new document's field list to a paragraph's 25 or so fields
    /// was a good part of what building it allocated.
    /// </summary>
    public Document StartDocument()
    {
        used.Clear();
        document.Fields.Clear();
        return document;
    }

    /// <summary>A field named <paramref name="name"/> holding <paramref name="value"/>, not used yet in this document.</summary>
    public StringField Get(string name, string value, Field.Store store)
    {
        if (!fields.TryGetValue(name, out var ofName))
            fields[name] = ofName = [];
        var index = used.GetValueOrDefault(name);
        used[name] = index + 1;
        if (index < ofName.Count && ofName[index].FieldType.IsStored == (store == Field.Store.YES))
        {
            ofName[index].SetStringValue(value);
            return ofName[index];
        }
        var field = new StringField(name, value, store);
        if (index < ofName.Count)
            ofName[index] = field;
        else
            ofName.Add(field);
        return field;
    }

    /// <summary>
    /// A facet's values on <paramref name="doc"/>, each once: indexed for exact filtering, doc values for counting,
    /// stored for display. A value is looked for among the earlier ones, not through a set: a document has a few.
    /// </summary>
    public void AddFacet(Document doc, string field, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (IndexOf(values, values[i]) < i)
                continue;
            doc.Add(Get(field, values[i], Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(values[i])));
        }
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        var i = 0;
        while (!string.Equals(values[i], value, StringComparison.Ordinal))
            i++;
        return i;
    }
}
