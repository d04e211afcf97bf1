using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Whether a hit comes after a cursor's last hit in the order of the hits: its sort value (score, or date when newest
/// first) below the cursor's, or the same and its key (article id, then paragraph, <see cref="HitTieBreak"/>) above.
/// Keys are read from doc values only for hits tied with the cursor's value.
/// </summary>
internal sealed class CursorBound(SearchCursor cursor, bool byScore)
{
    private readonly BytesRef articleId = new(cursor.ArticleId);

    /// <param name="segment">The hit's segment.</param>
    /// <param name="doc">The hit, as a document number within its segment.</param>
    /// <param name="score">Its score (read only when <c>byScore</c>).</param>
    /// <param name="date">Its date in UTC ticks (read only when newest first).</param>
    public bool Follows(AtomicReader segment, int doc, float score, long date)
    {
        var byValue = byScore ? (cursor.Score ?? float.PositiveInfinity).CompareTo(score) : cursor.Date.CompareTo(date);
        if (byValue != 0)
            return byValue > 0;
        var ids = segment.GetSortedDocValues(IndexSchema.ArticleId);
        var id = new BytesRef();
        if (ids is not null && ids.GetOrd(doc) is var ordinal and >= 0)
            ids.LookupOrd(ordinal, id);
        var byArticle = id.CompareTo(articleId);
        if (byArticle != 0)
            return byArticle > 0;
        return (segment.GetNumericDocValues(IndexSchema.Paragraph)?.Get(doc) ?? 0) > cursor.Paragraph;
    }

    /// <summary>Whether an article (its best paragraph) comes after the cursor's, in one-hit-per-article order.</summary>
    public bool Follows(IndexReader reader, ArticleMatch article)
    {
        var leaf = reader.Leaves[article.Leaf];
        var doc = article.BestDoc - leaf.DocBase;
        var date = byScore ? 0 : leaf.AtomicReader.GetNumericDocValues(IndexSchema.Date)?.Get(doc) ?? 0;
        return Follows(leaf.AtomicReader, doc, article.BestScore, date);
    }
}
