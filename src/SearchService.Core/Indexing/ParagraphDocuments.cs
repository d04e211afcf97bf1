using Lucene.Net.Documents;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>Turns an article and its facets into the block of paragraph documents the index stores.</summary>
public static class ParagraphDocuments
{
    // Only document frequencies are read from the suggestion fields, so positions, frequencies and norms are not kept.
    internal static readonly FieldType SuggestionTermsType = DocumentCountOnly();

    private static FieldType DocumentCountOnly()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY, OmitNorms = true };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// The documents, built one at a time as they are enumerated. Exact-term fields are reused from one document to the
    /// next, the text and its suggestion words are analysed once for both fields (<see cref="ParagraphTextFields"/>)
    /// and the title once for all paragraphs (<see cref="ArticleTitleFields"/>), so each document must be indexed before
    /// the next is taken: pass the sequence straight to the index writer.
    /// </summary>
    public static IEnumerable<Document> Build(Article article, ArticleFacets facets, CorpusFile? file)
    {
        var exact = ReusableExactFields.ForThisThread;
        var text = ParagraphTextFields.ForThisThread;
        var title = ArticleTitleFields.ForThisThread;
        title.Analyse(article.Title);
        var articleWide = new ArticleWideFields(article);
        var regionHierarchy = RegionHierarchyFields.For(facets);
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            var n = i + 1;
            var doc = exact.StartDocument();
            doc.Add(exact.Get(IndexSchema.ArticleId, article.Id, Field.Store.YES));
            doc.Add(articleWide.Id);
            doc.Add(new StoredField(IndexSchema.Paragraph, n));
            doc.Add(new NumericDocValuesField(IndexSchema.Paragraph, n));
            doc.Add(title.Stored);
            doc.Add(title.Indexed);
            doc.Add(text.Text(article.Paragraphs[i]));
            doc.Add(text.Words);
            articleWide.AddDate(doc);
            PublisherFieldTerms.Add(doc, exact, article);
            if (file is not null)
            {
                doc.Add(exact.Get(IndexSchema.File, file.RelativePath, Field.Store.NO));
                doc.Add(exact.Get(IndexSchema.FileStamp, file.Stamp, Field.Store.NO));
            }

            var paragraphFacets = i < facets.Paragraphs.Count ? facets.Paragraphs[i] : ParagraphFacets.Empty;
            exact.AddFacet(doc, IndexSchema.Region, paragraphFacets.Region);
            regionHierarchy.AddScopes(doc, exact, paragraphFacets.Region);
            regionHierarchy.AddPaths(doc, paragraphFacets.Region);
            exact.AddFacet(doc, IndexSchema.Topic, paragraphFacets.Topic);
            exact.AddFacet(doc, IndexSchema.Speaker, paragraphFacets.Speaker);

            if (n == 1)
            {
                doc.Add(exact.Get(IndexSchema.FirstParagraph, IndexSchema.FirstParagraphValue, Field.Store.NO));
                doc.Add(new Field(IndexSchema.Phrases, article.Title, SuggestionTermsType));
                doc.Add(new Field(IndexSchema.Phrases, article.Paragraphs[i], SuggestionTermsType));
                AddStoredIfPresent(doc, IndexSchema.Dateline, article.Dateline);
                AddStored(doc, IndexSchema.ArticleFacet(IndexSchema.Region), facets.Article.Region);
                AddStored(doc, IndexSchema.ArticleFacet(IndexSchema.Topic), facets.Article.Topic);
                AddStored(doc, IndexSchema.ArticleFacet(IndexSchema.Speaker), facets.Article.Speaker);
            }
            yield return doc;
        }
    }

    private static void AddStored(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values)
            doc.Add(new StoredField(field, value));
    }

    private static void AddStoredIfPresent(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            doc.Add(new StoredField(field, value));
    }
}
