using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Core.Indexing;

/// <summary>Turns an article and its facets into the block of paragraph documents the index stores.</summary>
public static class ParagraphDocuments
{
    public static IEnumerable<Document> Build(Article article, ArticleFacets facets, CorpusFile? file)
    {
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            var n = i + 1;
            var doc = new Document
            {
                new StringField(IndexSchema.Id, $"{article.Id}#{n}", Field.Store.YES),
                new StringField(IndexSchema.ArticleId, article.Id, Field.Store.YES),
                new SortedDocValuesField(IndexSchema.ArticleId, new BytesRef(article.Id)),
                new StoredField(IndexSchema.Paragraph, n),
                new NumericDocValuesField(IndexSchema.Paragraph, n),
                new TextField(IndexSchema.Title, article.Title, Field.Store.YES),
                new TextField(IndexSchema.Text, article.Paragraphs[i], Field.Store.YES),
            };
            if (article.Date is { } date)
            {
                doc.Add(new StoredField(IndexSchema.Date, date.ToString("O")));
                doc.Add(new NumericDocValuesField(IndexSchema.Date, date.UtcTicks));
            }
            AddStoredIfPresent(doc, IndexSchema.Source, article.Source);
            AddStoredIfPresent(doc, IndexSchema.Byline, article.Byline);
            AddStoredIfPresent(doc, IndexSchema.Dateline, article.Dateline);
            if (file is not null)
            {
                doc.Add(new StringField(IndexSchema.File, file.RelativePath, Field.Store.YES));
                doc.Add(new StringField(IndexSchema.FileStamp, file.Stamp, Field.Store.NO));
            }

            var paragraphFacets = i < facets.Paragraphs.Count ? facets.Paragraphs[i] : ParagraphFacets.Empty;
            AddFacet(doc, IndexSchema.Region, paragraphFacets.Region);
            AddRegionHierarchy(doc, paragraphFacets.Region.Select(facets.RegionPath).ToList());
            AddFacet(doc, IndexSchema.Topic, paragraphFacets.Topic);
            AddFacet(doc, IndexSchema.Speaker, paragraphFacets.Speaker);

            if (n == 1)
            {
                doc.Add(new StringField(IndexSchema.FirstParagraph, IndexSchema.FirstParagraphValue, Field.Store.NO));
                AddStored(doc, IndexSchema.ArticleFacet(IndexSchema.Region), facets.Article.Region);
                AddStored(doc, IndexSchema.ArticleFacet(IndexSchema.Topic), facets.Article.Topic);
                AddStored(doc, IndexSchema.ArticleFacet(IndexSchema.Speaker), facets.Article.Speaker);
            }
            yield return doc;
        }
    }

    // Indexed for exact filtering, doc values for counting, stored for display.
    private static void AddFacet(Document doc, string field, IEnumerable<string> values)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void AddRegionHierarchy(Document doc, IReadOnlyList<IReadOnlyList<string>> paths)
    {
        foreach (var region in paths.SelectMany(p => p).Distinct(StringComparer.Ordinal))
            doc.Add(new StringField(IndexSchema.RegionScope, region, Field.Store.NO));
        var prefixes = paths.SelectMany(p => p.Select((_, depth) => string.Join(IndexSchema.RegionPathSeparator, p.Take(depth + 1))));
        foreach (var prefix in prefixes.Distinct(StringComparer.Ordinal))
            doc.Add(new SortedSetDocValuesField(IndexSchema.RegionPath, new BytesRef(prefix)));
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
