using Lucene.Net.Index;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The order of one-hit-per-article results: best score first (or newest first), ties by <see cref="HitTieBreak"/> of
/// their best paragraphs. Dates are read from doc values only for the articles compared, once each.
/// </summary>
internal sealed class ArticleOrder(IndexReader reader, bool byScore) : IComparer<ArticleMatch>
{
    private readonly HitTieBreak tieBreak = new(reader);

    public int Compare(ArticleMatch? x, ArticleMatch? y)
    {
        var (a, b) = (x!, y!);
        var first = byScore ? b.BestScore.CompareTo(a.BestScore) : DateOf(b).CompareTo(DateOf(a));
        return first != 0 ? first : tieBreak.Compare(a.BestDoc, b.BestDoc);
    }

    private long DateOf(ArticleMatch article) =>
        article.DateTicks ??= reader.Leaves[article.Leaf].AtomicReader.GetNumericDocValues(IndexSchema.Date)?.Get(article.BestDoc - reader.Leaves[article.Leaf].DocBase) ?? 0;
}
