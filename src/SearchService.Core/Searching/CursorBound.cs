using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Whether a hit comes after a cursor's last hit in the order of the hits: its sort value (score, or date when newest
/// first) below the cursor's, or the same and its key (article id, then paragraph, <see cref="HitTieBreak"/>) above.
/// Keys are read from doc values only for hits tied with the cursor's value, and compared as ordinals: the cursor's id
/// is looked up once in each segment, as Lucene's search-after does, since a common word ties thousands of hits.
/// </summary>
internal sealed class CursorBound(SearchCursor cursor, bool byScore)
{
    private readonly BytesRef articleId = new(cursor.ArticleId);

    // Per segment: its ids, and the cursor id's ordinal there (or, when absent, -(the ordinal it would have) - 1).
    private readonly Dictionary<AtomicReader, (SortedDocValues? Ids, int CursorOrdinal)> segments = new(ReferenceEqualityComparer.Instance);

    /// <param name="segment">The hit's segment.</param>
    /// <param name="doc">The hit, as a document number within its segment.</param>
    /// <param name="score">Its score (read only when <c>byScore</c>).</param>
    /// <param name="date">Its date in UTC ticks (read only when newest first).</param>
    public bool Follows(AtomicReader segment, int doc, float score, long date)
    {
        var byValue = byScore ? (cursor.Score ?? float.PositiveInfinity).CompareTo(score) : cursor.Date.CompareTo(date);
        if (byValue != 0)
            return byValue > 0;
        var byArticle = CompareArticle(segment, doc);
        if (byArticle != 0)
            return byArticle > 0;
        return (segment.GetNumericDocValues(IndexSchema.Paragraph)?.Get(doc) ?? 0) > cursor.Paragraph;
    }

    /// <summary>The hit's article id against the cursor's, by ordinals within the hit's segment.</summary>
    private int CompareArticle(AtomicReader segment, int doc)
    {
        if (!segments.TryGetValue(segment, out var found))
        {
            var ids = segment.GetSortedDocValues(IndexSchema.ArticleId);
            segments[segment] = found = (ids, ids?.LookupTerm(articleId) ?? -1);
        }
        var ordinal = found.Ids?.GetOrd(doc) ?? -1;
        if (ordinal < 0)
            return articleId.Length == 0 ? 0 : -1; // no id sorts as the empty one, first
        if (found.CursorOrdinal >= 0)
            return ordinal.CompareTo(found.CursorOrdinal);
        return ordinal >= -found.CursorOrdinal - 1 ? 1 : -1;
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
