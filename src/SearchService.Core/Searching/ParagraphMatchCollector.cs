using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Collects every matching paragraph with its score, article, paragraph number and date, for grouping by article.
/// Memory grows with the number of matches (a few dozen bytes each), which a search box's queries keep modest.
/// </summary>
internal sealed class ParagraphMatchCollector : ICollector
{
    private readonly List<ParagraphMatch> matches = [];
    private Scorer? scorer;
    private int docBase;
    private SortedDocValues? articleIds;
    private NumericDocValues? paragraphs;
    private NumericDocValues? dates;

    public IReadOnlyList<ParagraphMatch> Matches => matches;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        docBase = context.DocBase;
        articleIds = context.AtomicReader.GetSortedDocValues(IndexSchema.ArticleId);
        paragraphs = context.AtomicReader.GetNumericDocValues(IndexSchema.Paragraph);
        dates = context.AtomicReader.GetNumericDocValues(IndexSchema.Date);
    }

    public void Collect(int doc)
    {
        var articleId = "";
        if (articleIds is not null)
        {
            var term = new Lucene.Net.Util.BytesRef();
            articleIds.Get(doc, term);
            articleId = term.Utf8ToString();
        }
        matches.Add(new ParagraphMatch(
            docBase + doc,
            scorer?.GetScore() ?? 0,
            articleId,
            (int)(paragraphs?.Get(doc) ?? 0),
            dates?.Get(doc) ?? 0));
    }
}
