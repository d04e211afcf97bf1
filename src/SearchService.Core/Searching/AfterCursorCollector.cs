using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Collects the first paragraph hits after a cursor (<see cref="CursorBound"/>) in the order of the hits, holding no
/// more than it keeps: a page deep in the results costs what the first page does (Lucene's search-after, with scores
/// that may have been re-scored since the first stage, as a question's are).
/// </summary>
internal sealed class AfterCursorCollector : ICollector
{
    private readonly CursorBound bound;
    private readonly bool byScore;
    private readonly int size;
    private readonly IReadOnlyDictionary<int, float>? rescored;
    private readonly IReadOnlySet<int>? passedOver;
    private readonly PriorityQueue<Kept, Kept> kept;
    private readonly BytesRef scratch = new();
    private AtomicReaderContext? segment;
    private NumericDocValues? dates;
    private SortedDocValues? ids;
    private NumericDocValues? paragraphs;
    private Scorer? scorer;

    /// <param name="size">How many hits to keep.</param>
    /// <param name="rescored">Scores that replace the first stage's, by document number in the whole index; null: none.</param>
    /// <param name="passedOver">Matches counted but not kept, by document number in the whole index; null: none.</param>
    public AfterCursorCollector(
        IndexReader reader, CursorBound bound, bool byScore, int size, IReadOnlyDictionary<int, float>? rescored, IReadOnlySet<int>? passedOver = null)
    {
        this.bound = bound;
        this.byScore = byScore;
        this.size = size;
        this.rescored = rescored;
        this.passedOver = passedOver;
        // Worst first, so the heap's top is the hit to drop: lower score (or earlier date), then the later key.
        kept = new PriorityQueue<Kept, Kept>(size + 1, Comparer<Kept>.Create((x, y) =>
        {
            var first = byScore ? x.Score.CompareTo(y.Score) : x.Date.CompareTo(y.Date);
            return first != 0 ? first : y.Key.CompareTo(x.Key);
        }));
    }

    /// <summary>How many paragraphs matched, before the cursor or after it.</summary>
    public long TotalHits { get; private set; }

    /// <summary>How many hits came after the cursor and so were put in order: the work of a page.</summary>
    public long Ordered { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        segment = context;
        dates = byScore ? null : context.AtomicReader.GetNumericDocValues(IndexSchema.Date);
        ids = context.AtomicReader.GetSortedDocValues(IndexSchema.ArticleId);
        paragraphs = context.AtomicReader.GetNumericDocValues(IndexSchema.Paragraph);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        if (passedOver is not null && passedOver.Contains(segment!.DocBase + doc))
            return;
        var score = scorer?.GetScore() ?? 0;
        if (rescored is not null && rescored.TryGetValue(segment!.DocBase + doc, out var rescore))
            score = rescore;
        var date = dates?.Get(doc) ?? 0;
        if (!bound.Follows(segment!.AtomicReader, doc, score, date))
            return;
        Ordered++;
        if (kept.Count >= size)
        {
            if (size == 0 || !Beats(doc, score, date, kept.Peek()))
                return;
            var better = Keep(doc, score, date);
            kept.EnqueueDequeue(better, better);
            return;
        }
        var hit = Keep(doc, score, date);
        kept.Enqueue(hit, hit);
    }

    /// <summary>The hits kept, in the order of the hits.</summary>
    public IReadOnlyList<ScoreDoc> Best()
    {
        var best = new List<ScoreDoc>(kept.Count);
        while (kept.TryDequeue(out var hit, out _))
            best.Add(new ScoreDoc(hit.Doc, hit.Score));
        best.Reverse();
        return best;
    }

    /// <summary>
    /// Whether a hit of this segment comes before the worst kept, its key read only on a tie and compared by ordinal
    /// within one segment: a common word ties thousands of hits, and each used to read and keep its key.
    /// </summary>
    private bool Beats(int doc, float score, long date, Kept worst)
    {
        var byValue = byScore ? score.CompareTo(worst.Score) : date.CompareTo(worst.Date);
        if (byValue != 0)
            return byValue > 0;
        var ordinal = ids?.GetOrd(doc) ?? -1;
        int byArticle;
        if (worst.Key.Leaf == segment!.Ord)
            byArticle = ordinal.CompareTo(worst.Key.Ordinal);
        else
            byArticle = IdOf(ordinal).CompareTo(worst.Key.Id);
        return byArticle != 0 ? byArticle < 0 : (paragraphs?.Get(doc) ?? 0) < worst.Key.Paragraph;
    }

    /// <summary>The article id of an ordinal of this segment, in a buffer the next call reuses (doc values may share theirs).</summary>
    private BytesRef IdOf(int ordinal)
    {
        scratch.Length = 0;
        if (ordinal >= 0)
            ids!.LookupOrd(ordinal, scratch);
        return scratch;
    }

    private Kept Keep(int doc, float score, long date)
    {
        var ordinal = ids?.GetOrd(doc) ?? -1;
        var key = new HitKey(segment!.Ord, ordinal, ids, paragraphs?.Get(doc) ?? 0);
        return new Kept(segment.DocBase + doc, score, date, key);
    }

    /// <summary>
    /// What orders a kept hit among ties: its article id (as an ordinal within its segment; the id itself is read only
    /// when compared with another segment's), then its paragraph.
    /// </summary>
    private sealed class HitKey(int leaf, int ordinal, SortedDocValues? ids, long paragraph) : IComparable<HitKey>
    {
        private BytesRef? id;

        public int Leaf { get; } = leaf;

        public int Ordinal { get; } = ordinal;

        public long Paragraph { get; } = paragraph;

        public BytesRef Id
        {
            get
            {
                if (id is null)
                {
                    id = new BytesRef();
                    if (Ordinal >= 0)
                        ids!.LookupOrd(Ordinal, id);
                    id = BytesRef.DeepCopyOf(id); // doc values may reuse the bytes they point to
                }
                return id;
            }
        }

        public int CompareTo(HitKey? other)
        {
            var byArticle = Leaf == other!.Leaf ? Ordinal.CompareTo(other.Ordinal) : Id.CompareTo(other.Id);
            return byArticle != 0 ? byArticle : Paragraph.CompareTo(other.Paragraph);
        }
    }

    private readonly record struct Kept(int Doc, float Score, long Date, HitKey Key);
}
