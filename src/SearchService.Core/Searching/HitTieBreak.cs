using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The one tie-break of every order of hits, so that pages are stable: article id, then paragraph number. Lucene's
/// sorts end with it (<see cref="After"/>); orders decided after collection (re-scored questions, one hit per article)
/// compare documents with an instance, which reads ids and paragraph numbers from doc values only for the documents
/// compared, once each: ties are rare, and reading them for every hit collected is not.
/// </summary>
internal sealed class HitTieBreak(IndexReader reader) : IComparer<int>
{
    private static readonly SortField ArticleId = new(IndexSchema.ArticleId, SortFieldType.STRING);
    private static readonly SortField Paragraph = new(IndexSchema.Paragraph, SortFieldType.INT32);

    private readonly Dictionary<int, DocKey> keys = [];

    /// <summary>A Lucene sort by <paramref name="first"/>, ties broken by article id, then paragraph.</summary>
    public static Sort After(SortField first) => new(first, ArticleId, Paragraph);

    /// <summary>
    /// Orders two paragraphs by their keys, as <see cref="Compare"/> orders their documents: for hits gathered from
    /// several indexes, whose document numbers do not compare.
    /// </summary>
    public static int CompareKeys(string articleIdX, long paragraphX, string articleIdY, long paragraphY)
    {
        var byArticle = Utf8Order.Instance.Compare(articleIdX, articleIdY);
        return byArticle != 0 ? byArticle : paragraphX.CompareTo(paragraphY);
    }

    /// <summary>Orders two documents (global numbers) by article id, then paragraph.</summary>
    public int Compare(int x, int y)
    {
        if (x == y)
            return 0;
        var (a, b) = (KeyOf(x), KeyOf(y));
        // Within a segment, ordinals are in the order of the ids; across segments only the ids themselves compare.
        var byArticle = a.Leaf == b.Leaf ? a.Ordinal.CompareTo(b.Ordinal) : IdOf(a).CompareTo(IdOf(b));
        return byArticle != 0 ? byArticle : a.Paragraph.CompareTo(b.Paragraph);
    }

    private DocKey KeyOf(int doc)
    {
        if (keys.TryGetValue(doc, out var key))
            return key;
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var segment = leaf.AtomicReader;
        var ordinal = segment.GetSortedDocValues(IndexSchema.ArticleId)?.GetOrd(doc - leaf.DocBase) ?? -1;
        var paragraph = segment.GetNumericDocValues(IndexSchema.Paragraph)?.Get(doc - leaf.DocBase) ?? 0;
        return keys[doc] = new DocKey(leaf.Ord, segment, ordinal, paragraph);
    }

    private static BytesRef IdOf(DocKey key)
    {
        if (key.Id is null)
        {
            var id = new BytesRef();
            if (key.Ordinal >= 0)
                key.Segment.GetSortedDocValues(IndexSchema.ArticleId)?.LookupOrd(key.Ordinal, id);
            key.Id = BytesRef.DeepCopyOf(id); // doc values may reuse the bytes they point to
        }
        return key.Id;
    }

    /// <summary>What one document is ordered by; its id is read only when compared with another segment's.</summary>
    private sealed class DocKey(int leaf, AtomicReader segment, int ordinal, long paragraph)
    {
        public int Leaf { get; } = leaf;
        public AtomicReader Segment { get; } = segment;
        public int Ordinal { get; } = ordinal;
        public long Paragraph { get; } = paragraph;
        public BytesRef? Id { get; set; }
    }
}
