using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>
/// The fields holding an article's id (its doc values) and date, whose values are the same in each document of the
/// article (its paragraphs, its statements): built once an article and added to each, not built again for each.
/// </summary>
internal sealed class ArticleWideFields(Article article)
{
    private readonly Field[] date = article.Date is { } d
        ? [new StoredField(IndexSchema.Date, d.ToString("O")), new NumericDocValuesField(IndexSchema.Date, d.UtcTicks)]
        : [];

    /// <summary>The article id's sorted doc values.</summary>
    public SortedDocValuesField Id { get; } = new(IndexSchema.ArticleId, new BytesRef(article.Id));

    /// <summary>Adds the date, stored and as numeric doc values, when the article has one.</summary>
    public void AddDate(Document doc)
    {
        foreach (var field in date)
            doc.Add(field);
    }
}
