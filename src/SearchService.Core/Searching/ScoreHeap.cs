namespace SearchService.Core.Searching;

/// <summary>
/// A fixed-capacity binary min-heap of documents by score, lowest on top: the queue of a question's candidates, which
/// every match that beats the last place enters. Scores and documents sit in two arrays and compare as plain floats,
/// where a <see cref="PriorityQueue{TElement,TPriority}"/> goes through a comparer for every step.
/// </summary>
internal sealed class ScoreHeap(int capacity)
{
    private readonly float[] scores = new float[Math.Max(1, capacity)];
    private readonly int[] docs = new int[Math.Max(1, capacity)];

    public int Count { get; private set; }

    /// <summary>The lowest score held; the heap must not be empty.</summary>
    public float LowestScore => scores[0];

    /// <summary>The entry at <paramref name="i"/>, in no particular order.</summary>
    public (int Doc, float Score) this[int i] => (docs[i], scores[i]);

    /// <summary>Adds a document; the heap must not be full.</summary>
    public void Enqueue(int doc, float score)
    {
        var at = Count++;
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (scores[parent] <= score)
                break;
            MoveTo(at, parent);
            at = parent;
        }
        Put(at, doc, score);
    }

    /// <summary>Puts a document in place of the lowest one, which it returns; the heap must not be empty.</summary>
    public int ReplaceLowest(int doc, float score)
    {
        var dropped = docs[0];
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= Count)
                break;
            if (child + 1 < Count && scores[child + 1] < scores[child])
                child++;
            if (score <= scores[child])
                break;
            MoveTo(at, child);
            at = child;
        }
        Put(at, doc, score);
        return dropped;
    }

    private void MoveTo(int at, int from) => Put(at, docs[from], scores[from]);

    private void Put(int at, int doc, float score)
    {
        scores[at] = score;
        docs[at] = doc;
    }
}
