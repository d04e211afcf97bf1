using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Collects a question's best matches by score alone, and keeps aside the documents tied with the last place kept, so
/// that the best are exactly those of the order by score, article id and paragraph (<see cref="HitTieBreak"/>) however
/// the paragraphs are split between indexes. A sort that ends with the tie-break reads the keys of every document that
/// enters its queue (most of a question's first thousand matches); here they are read only where scores tie.
/// </summary>
internal sealed class QuestionCandidateCollector(IndexReader reader, int count) : ICollector
{
    private readonly PriorityQueue<int, float> kept = new(count + 1);
    private readonly List<int> tiedWithLast = [];
    private Scorer? scorer;
    private int docBase;

    /// <summary>How many documents matched.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc)
    {
        TotalHits++;
        var score = scorer!.GetScore();
        var global = docBase + doc;
        if (kept.Count < count)
        {
            kept.Enqueue(global, score);
            return;
        }
        if (count == 0 || !kept.TryPeek(out _, out var last) || score < last)
            return;
        if (score == last)
        {
            tiedWithLast.Add(global);
            return;
        }
        var dropped = kept.EnqueueDequeue(global, score);
        kept.TryPeek(out _, out var newLast);
        if (newLast == last)
            tiedWithLast.Add(dropped);
        else
            tiedWithLast.Clear(); // every one of them scored the old last place, below the new one
    }

    /// <summary>The best documents collected, in the order by score, then article id and paragraph.</summary>
    public IReadOnlyList<ScoreDoc> Best()
    {
        var candidates = new List<ScoreDoc>(kept.Count + tiedWithLast.Count);
        var last = kept.TryPeek(out _, out var lowest) ? lowest : 0f;
        candidates.AddRange(kept.UnorderedItems.Select(item => new ScoreDoc(item.Element, item.Priority)));
        candidates.AddRange(tiedWithLast.Select(doc => new ScoreDoc(doc, last)));
        return TopSelection.Best(candidates, count, new RescoredOrder(reader));
    }
}
