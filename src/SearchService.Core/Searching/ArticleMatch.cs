namespace SearchService.Core.Searching;

/// <summary>One article's matches in a search: its best paragraph (highest score, the earliest on a tie) and how many match.</summary>
internal sealed class ArticleMatch(int leaf, int firstDoc, float score)
{
    /// <summary>The segment (leaf) the article is in.</summary>
    public int Leaf { get; } = leaf;

    /// <summary>Its first matching paragraph, as a document number in the whole index.</summary>
    public int FirstDoc { get; } = firstDoc;

    public int BestDoc { get; private set; } = firstDoc;

    public float BestScore { get; private set; } = score;

    public int Matches { get; private set; } = 1;

    /// <summary>Filled when needed to order articles newest first (<see cref="ArticleOrder"/>).</summary>
    public long? DateTicks { get; set; }

    /// <summary>Another matching paragraph, after the ones seen (a later paragraph wins only with a higher score).</summary>
    public void Add(int doc, float score)
    {
        Matches++;
        Raise(doc, score);
    }

    /// <summary>A paragraph of this article now scores <paramref name="score"/>; it becomes the best if that is higher, or as high and earlier.</summary>
    public void Raise(int doc, float score)
    {
        if (score > BestScore || (score == BestScore && doc < BestDoc))
        {
            BestScore = score;
            BestDoc = doc;
        }
    }
}
