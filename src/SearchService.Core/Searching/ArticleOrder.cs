using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The order of one-hit-per-article results: best score first (or newest first), ties by article id. Dates and ids
/// are read from doc values only for the articles compared, once each.
/// </summary>
internal sealed class ArticleOrder(IndexReader reader, bool byScore) : IComparer<ArticleMatch>
{
    public int Compare(ArticleMatch? x, ArticleMatch? y)
    {
        var (a, b) = (x!, y!);
        var first = byScore ? b.BestScore.CompareTo(a.BestScore) : DateOf(b).CompareTo(DateOf(a));
        if (first != 0 || ReferenceEquals(a, b))
            return first;
        // Within a segment, ordinals are in the order of the ids.
        return a.Leaf == b.Leaf ? OrdOf(a).CompareTo(OrdOf(b)) : IdOf(a).CompareTo(IdOf(b));
    }

    private long DateOf(ArticleMatch article) =>
        article.DateTicks ??= Segment(article).GetNumericDocValues(IndexSchema.Date)?.Get(article.BestDoc - reader.Leaves[article.Leaf].DocBase) ?? 0;

    private int OrdOf(ArticleMatch article) =>
        article.ArticleOrd ??= Segment(article).GetSortedDocValues(IndexSchema.ArticleId)?.GetOrd(article.BestDoc - reader.Leaves[article.Leaf].DocBase) ?? -1;

    private BytesRef IdOf(ArticleMatch article)
    {
        if (article.ArticleId is null)
        {
            var id = new BytesRef();
            if (OrdOf(article) >= 0)
                Segment(article).GetSortedDocValues(IndexSchema.ArticleId)?.LookupOrd(OrdOf(article), id);
            article.ArticleId = BytesRef.DeepCopyOf(id); // doc values may reuse the bytes they point to
        }
        return article.ArticleId;
    }

    private AtomicReader Segment(ArticleMatch article) => reader.Leaves[article.Leaf].AtomicReader;
}
