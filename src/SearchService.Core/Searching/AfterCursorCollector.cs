using Lucene.Net.Index;
using Lucene.Net.Search;
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
    private readonly PriorityQueue<Kept, Kept> kept;
    private AtomicReaderContext? segment;
    private NumericDocValues? dates;
    private Scorer? scorer;

    /// <param name="size">How many hits to keep.</param>
    /// <param name="rescored">Scores that replace the first stage's, by document number in the whole index; null: none.</param>
    public AfterCursorCollector(IndexReader reader, CursorBound bound, bool byScore, int size, IReadOnlyDictionary<int, float>? rescored)
    {
        this.bound = bound;
        this.byScore = byScore;
        this.size = size;
        this.rescored = rescored;
        var tieBreak = new HitTieBreak(reader);
        // Worst first, so the heap's top is the hit to drop: lower score (or earlier date), then the later key.
        kept = new PriorityQueue<Kept, Kept>(size + 1, Comparer<Kept>.Create((x, y) =>
        {
            var first = byScore ? x.Score.CompareTo(y.Score) : x.Date.CompareTo(y.Date);
            return first != 0 ? first : tieBreak.Compare(y.Doc, x.Doc);
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
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var global = segment!.DocBase + doc;
        var score = scorer?.GetScore() ?? 0;
        if (rescored is not null && rescored.TryGetValue(global, out var rescore))
            score = rescore;
        var date = dates?.Get(doc) ?? 0;
        if (!bound.Follows(segment.AtomicReader, doc, score, date))
            return;
        Ordered++;
        var hit = new Kept(global, score, date);
        if (kept.Count < size)
            kept.Enqueue(hit, hit);
        else if (size > 0 && kept.Comparer.Compare(hit, kept.Peek()) > 0)
            kept.EnqueueDequeue(hit, hit);
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

    private readonly record struct Kept(int Doc, float Score, long Date);
}
