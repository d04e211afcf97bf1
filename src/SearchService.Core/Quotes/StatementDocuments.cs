using Lucene.Net.Documents;
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

    /// <summary>
    /// The documents, built one at a time as they are enumerated, with the document and its exact-term fields reused
    /// from one to the next (<see cref="ReusableExactFields"/>, as <see cref="ParagraphDocuments"/> does): pass the
    /// sequence straight to the index writer.
    /// </summary>
    public static IEnumerable<Document> Build(Article article, ArticleFacets facets, CorpusFile? file)
    {
        var exact = ReusableExactFields.ForThisThread;
        var articleWide = new ArticleWideFields(article);
        var regionHierarchy = RegionHierarchyFields.For(facets);
        foreach (var statement in facets.Statements ?? [])
        {
            var doc = exact.StartDocument();
            doc.Add(exact.Get(IndexSchema.ArticleId, article.Id, Field.Store.YES));
            doc.Add(articleWide.Id);
            doc.Add(new StoredField(IndexSchema.Paragraph, statement.Paragraph));
            doc.Add(new NumericDocValuesField(IndexSchema.Paragraph, statement.Paragraph));
            doc.Add(new StoredField(Start, statement.Start));
            doc.Add(new StoredField(IndexSchema.Title, article.Title));
            doc.Add(new TextField(IndexSchema.Text, statement.Text, Field.Store.YES));
            articleWide.AddDate(doc);
            if (!string.IsNullOrEmpty(article.Source))
                doc.Add(exact.Get(IndexSchema.Source, article.Source, Field.Store.YES));
            if (file is not null)
            {
                doc.Add(exact.Get(IndexSchema.File, file.RelativePath, Field.Store.NO));
                doc.Add(exact.Get(IndexSchema.FileStamp, file.Stamp, Field.Store.NO));
            }
            exact.AddFacet(doc, IndexSchema.Speaker, [statement.Speaker]);
            exact.AddFacet(doc, Verb, [statement.Verb]);
            exact.AddFacet(doc, IndexSchema.Region, statement.Regions);
            exact.AddFacet(doc, IndexSchema.Topic, statement.Topics);
            // region=Asia finds statements about Pakistan, as it finds paragraphs.
            regionHierarchy.AddScopes(doc, exact, statement.Regions);
            yield return doc;
        }
    }
}
