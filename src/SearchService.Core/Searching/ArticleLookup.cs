using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>Reads whole articles and the index's size back from the index.</summary>
public sealed class ArticleLookup(SearchIndex index)
{
    /// <param name="scope">When given, an article none of whose paragraphs is inside it is not found.</param>
    public ArticleView? Find(string articleId, SearchScope? scope = null) => index.Search(searcher => Read(searcher, articleId, scope));

    /// <summary>The article as <paramref name="searcher"/>'s reader holds it (a shard's, or one index's).</summary>
    /// <param name="scope">When given, an article none of whose paragraphs is inside it is not found.</param>
    public static ArticleView? Read(IndexSearcher searcher, string articleId, SearchScope? scope)
    {
        if (scope is not null && !scope.Holds(searcher, articleId))
            return null;
        var docs = Paragraphs(searcher.IndexReader, articleId);
        if (docs.Count == 0)
            return null;
        var first = docs[0];
        return new ArticleView(
            articleId,
            StoredParagraph.Get(first, IndexSchema.Title),
            StoredParagraph.Date(first),
            StoredParagraph.GetOptional(first, IndexSchema.Byline),
            StoredParagraph.GetOptional(first, IndexSchema.Dateline),
            StoredParagraph.GetOptional(first, IndexSchema.Source),
            StoredParagraph.GetOptional(first, IndexSchema.Url),
            StoredParagraph.GetOptional(first, IndexSchema.Section),
            StoredParagraph.GetOptional(first, IndexSchema.Language),
            PublisherFieldsOf(first),
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
    }

    private static Dictionary<string, string>? PublisherFieldsOf(Document first)
    {
        var fields = first.Fields
            .Where(f => f.Name.StartsWith(PublisherFields.FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Name[PublisherFields.FieldPrefix.Length..], f => f.GetStringValue(), StringComparer.Ordinal);
        return fields.Count == 0 ? null : fields;
    }

    public IndexStatistics Statistics() => index.Search(searcher =>
    {
        // Counted from the postings, not by a search: /health and readiness must not be stopped by the query time
        // budget (Search:QueryTimeBudgetMs), which a loaded machine overruns at a small setting.
        var firstParagraphs = new Term(IndexSchema.FirstParagraph, IndexSchema.FirstParagraphValue);
        var articles = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            // Skips deleted documents, as a search would.
            var postings = leaf.AtomicReader.GetTermDocsEnum(firstParagraphs);
            while (postings is not null && postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                articles++;
        }
        return new IndexStatistics(articles, searcher.IndexReader.NumDocs);
    });

    /// <summary>
    /// The article's paragraph documents in paragraph order, or none. The article id is looked up as a term in each
    /// segment and its few postings read, so the cost is the article's size, not the index's: collecting the top
    /// MaxDoc hits sized its queue by the whole index (about 12 bytes a document, also for an id that is not there).
    /// </summary>
    private static List<Document> Paragraphs(IndexReader reader, string articleId)
    {
        var term = new Term(IndexSchema.ArticleId, articleId);
        var paragraphs = new List<Document>();
        foreach (var leaf in reader.Leaves)
        {
            // Skips deleted documents: a replaced article's old paragraphs stay in their segment until merged away.
            var postings = leaf.AtomicReader.GetTermDocsEnum(term);
            if (postings is null)
                continue;
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                paragraphs.Add(leaf.AtomicReader.Document(doc));
        }
        paragraphs.Sort((a, b) => StoredParagraph.ParagraphNumber(a).CompareTo(StoredParagraph.ParagraphNumber(b)));
        return paragraphs;
    }
}
