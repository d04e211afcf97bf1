using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;

namespace SearchService.Core.Quotes;

/// <summary>
/// Turns an article's statements into the documents of the <see cref="StatementIndex"/>: one a statement, its fields
/// named as the paragraph index names them (<see cref="IndexSchema"/>), so that the same filters and a scoped key's
/// <see cref="Searching.SearchScope"/> apply to both, plus the reporting verb and where the statement is in its paragraph.
/// </summary>
public static class StatementDocuments
{
    /// <summary>The reporting verb ("said", "warned"): one exact term, stored, with sorted-set doc values for counting.</summary>
    public const string Verb = "verb";

    /// <summary>Where the statement begins in its paragraph (a character offset), stored: statements of one paragraph apart.</summary>
    public const string Start = "start";

    /// <summary>The facets of a statement, each counted by <c>/quotes</c>.</summary>
    public static readonly string[] FacetFields = [IndexSchema.Speaker, IndexSchema.Region, IndexSchema.Topic, Verb];

    public static IEnumerable<Document> Build(Article article, ArticleFacets facets, CorpusFile? file)
    {
        foreach (var statement in facets.Statements ?? [])
        {
            var doc = new Document
            {
                new StringField(IndexSchema.ArticleId, article.Id, Field.Store.YES),
                new SortedDocValuesField(IndexSchema.ArticleId, new BytesRef(article.Id)),
                new StoredField(IndexSchema.Paragraph, statement.Paragraph),
                new NumericDocValuesField(IndexSchema.Paragraph, statement.Paragraph),
                new StoredField(Start, statement.Start),
                new StoredField(IndexSchema.Title, article.Title),
                new TextField(IndexSchema.Text, statement.Text, Field.Store.YES),
            };
            if (article.Date is { } date)
            {
                doc.Add(new StoredField(IndexSchema.Date, date.ToString("O")));
                doc.Add(new NumericDocValuesField(IndexSchema.Date, date.UtcTicks));
            }
            if (!string.IsNullOrEmpty(article.Source))
                doc.Add(new StringField(IndexSchema.Source, article.Source, Field.Store.YES));
            if (file is not null)
            {
                doc.Add(new StringField(IndexSchema.File, file.RelativePath, Field.Store.NO));
                doc.Add(new StringField(IndexSchema.FileStamp, file.Stamp, Field.Store.NO));
            }
            AddFacet(doc, IndexSchema.Speaker, [statement.Speaker]);
            AddFacet(doc, Verb, [statement.Verb]);
            AddFacet(doc, IndexSchema.Region, statement.Regions);
            AddFacet(doc, IndexSchema.Topic, statement.Topics);
            // region=Asia finds statements about Pakistan, as it finds paragraphs.
            foreach (var region in statement.Regions.SelectMany(facets.RegionPath).Distinct(StringComparer.Ordinal))
                doc.Add(new StringField(IndexSchema.RegionScope, region, Field.Store.NO));
            yield return doc;
        }
    }

    private static void AddFacet(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
