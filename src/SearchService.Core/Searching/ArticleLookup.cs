using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>Reads whole articles and the index's size back from the index.</summary>
public sealed class ArticleLookup(SearchIndex index)
{
    private static readonly Sort InOrder = new(new SortField(IndexSchema.Paragraph, SortFieldType.INT32));

    public ArticleView? Find(string articleId) => index.Search(searcher =>
    {
        var query = new TermQuery(new Term(IndexSchema.ArticleId, articleId));
        var found = searcher.Search(query, null, Math.Max(1, searcher.IndexReader.MaxDoc), InOrder);
        if (found.ScoreDocs.Length == 0)
            return null;
        var docs = found.ScoreDocs.Select(d => searcher.Doc(d.Doc)).ToList();
        var first = docs[0];
        return new ArticleView(
            articleId,
            StoredParagraph.Get(first, IndexSchema.Title),
            StoredParagraph.Date(first),
            StoredParagraph.GetOptional(first, IndexSchema.Byline),
            StoredParagraph.GetOptional(first, IndexSchema.Dateline),
            StoredParagraph.GetOptional(first, IndexSchema.Source),
            StoredParagraph.GetAll(first, IndexSchema.ArticleFacet(IndexSchema.Region)),
            StoredParagraph.GetAll(first, IndexSchema.ArticleFacet(IndexSchema.Topic)),
            StoredParagraph.GetAll(first, IndexSchema.ArticleFacet(IndexSchema.Speaker)),
            docs.Select(doc => new ArticleParagraph(
                Article.ParagraphId(articleId, StoredParagraph.ParagraphNumber(doc)),
                StoredParagraph.ParagraphNumber(doc),
                StoredParagraph.Get(doc, IndexSchema.Text),
                StoredParagraph.GetAll(doc, IndexSchema.Region),
                StoredParagraph.GetAll(doc, IndexSchema.Topic),
                StoredParagraph.GetAll(doc, IndexSchema.Speaker))).ToList());
    });

    public IndexStatistics Statistics() => index.Search(searcher =>
    {
        var articles = new TotalHitCountCollector();
        searcher.Search(new TermQuery(new Term(IndexSchema.FirstParagraph, IndexSchema.FirstParagraphValue)), articles);
        return new IndexStatistics(articles.TotalHits, searcher.IndexReader.NumDocs);
    });
}
