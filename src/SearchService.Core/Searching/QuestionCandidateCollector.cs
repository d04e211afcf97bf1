using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Collects a question's best matches by score alone, and keeps aside the documents tied with the last place kept, so
/// that the best are exactly those of the order by score, article id and paragraph (<see cref="HitTieBreak"/>) however
/// the paragraphs are split between indexes. A sort that ends with the tie-break reads the keys of every document that
/// enters its queue (most of a question's first thousand matches); here they are read only for the documents tied with
/// the last place, and only when there are more of them than places.
/// </summary>
internal sealed class QuestionCandidateCollector(IndexReader reader, int count) : ICollector
{
    private readonly ScoreHeap kept = new(count);
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
        Offer(docBase + doc, scorer!.GetScore());
    }

    /// <summary>
    /// The score a match must reach to be offered at all: any lower and <see cref="Offer"/> would drop it (minus
    /// infinity until the places are filled).
    /// </summary>
    internal float Threshold => kept.Count < count ? float.NegativeInfinity : count == 0 ? float.PositiveInfinity : kept.LowestScore;

    /// <summary>Counts matches that are not offered one by one (<see cref="QuestionFirstStage"/>).</summary>
    internal void Counted(int matches) => TotalHits += matches;

    /// <summary>Offers a match by its document number in the whole index, in any order; it is not counted here.</summary>
    internal void Offer(int global, float score)
    {
        if (kept.Count < count)
        {
            kept.Enqueue(global, score);
            return;
        }
        if (count == 0 || score < kept.LowestScore)
            return;
        var last = kept.LowestScore;
        if (score == last)
        {
            tiedWithLast.Add(global);
            return;
        }
        var dropped = kept.ReplaceLowest(global, score);
        if (kept.LowestScore == last)
            tiedWithLast.Add(dropped);
        else
            tiedWithLast.Clear(); // every one of them scored the old last place, below the new one
    }

    /// <summary>
    /// The best documents collected: every one that scored above the last place, and of those that scored it, the first
    /// by article id and paragraph. Best first by score; equal scores in no particular order, which is decided where it
    /// matters, after re-scoring.
    /// </summary>
    public IReadOnlyList<ScoreDoc> Best()
    {
        var last = kept.Count > 0 ? kept.LowestScore : 0f;
        var best = new List<ScoreDoc>(kept.Count);
        var tied = new List<int>(tiedWithLast);
        for (var i = 0; i < kept.Count; i++)
        {
            var (doc, score) = kept[i];
            if (score > last)
                best.Add(new ScoreDoc(doc, score));
            else
                tied.Add(doc);
        }
        if (best.Count + tied.Count > count)
            tied = TopSelection.Best(tied, count - best.Count, new HitTieBreak(reader));
        best.AddRange(tied.Select(doc => new ScoreDoc(doc, last)));
        best.Sort((x, y) => y.Score.CompareTo(x.Score));
        return best;
    }
}
