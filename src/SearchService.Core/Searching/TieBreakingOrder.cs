using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Best first with the tie-breaks of every ranked search (article, then paragraph), for hits whose scores were set
/// after collection (re-ranked questions). The article id and paragraph number are read from doc values only for hits
/// whose scores tie, which is rare, rather than for every hit collected.
/// </summary>
internal sealed class TieBreakingOrder(IndexReader reader) : IComparer<ScoreDoc>
{
    private readonly Dictionary<int, (BytesRef Article, long Paragraph)> keys = [];

    public int Compare(ScoreDoc? x, ScoreDoc? y)
    {
        var byScore = y!.Score.CompareTo(x!.Score);
        if (byScore != 0 || x.Doc == y.Doc)
            return byScore;
        var (first, second) = (KeyOf(x.Doc), KeyOf(y.Doc));
        var byArticle = first.Article.CompareTo(second.Article);
        return byArticle != 0 ? byArticle : first.Paragraph.CompareTo(second.Paragraph);
    }

    private (BytesRef Article, long Paragraph) KeyOf(int doc)
    {
        if (keys.TryGetValue(doc, out var key))
            return key;
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var article = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(IndexSchema.ArticleId)?.Get(doc - leaf.DocBase, article);
        var paragraph = leaf.AtomicReader.GetNumericDocValues(IndexSchema.Paragraph)?.Get(doc - leaf.DocBase) ?? 0;
        return keys[doc] = (BytesRef.DeepCopyOf(article), paragraph);
    }
}
