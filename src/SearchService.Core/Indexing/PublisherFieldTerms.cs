using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>
/// Adds an article's publisher fields to each of its paragraph documents: source, byline, section, language and each
/// <c>fields.&lt;name&gt;</c> as an exact term (filters, scoped keys), sorted-set doc values (facet counts) and a stored
/// value (hits show them), and the url stored. Every one is indexed whatever Search:FilterFields names, so changing
/// that setting needs no new index.
/// </summary>
internal static class PublisherFieldTerms
{
    public static void Add(Document doc, ReusableExactFields exact, Article article)
    {
        AddValue(doc, exact, IndexSchema.Source, article.Source);
        AddValue(doc, exact, IndexSchema.Byline, article.Byline);
        AddValue(doc, exact, IndexSchema.Section, article.Section);
        AddValue(doc, exact, IndexSchema.Language, article.Language);
        foreach (var (name, value) in article.Fields ?? new Dictionary<string, string>())
            AddValue(doc, exact, PublisherFields.Prefixed(name), value);
        if (!string.IsNullOrEmpty(article.Url))
            doc.Add(new StoredField(IndexSchema.Url, article.Url));
    }

    private static void AddValue(Document doc, ReusableExactFields exact, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        doc.Add(exact.Get(field, value, Field.Store.YES));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
}
