using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Best first, ties by <see cref="HitTieBreak"/>, for paragraph hits put in order after collection (a question's
/// candidates, and the same re-scored).
/// </summary>
internal sealed class RescoredOrder(IndexReader reader) : IComparer<ScoreDoc>
{
    private readonly HitTieBreak tieBreak = new(reader);

    public int Compare(ScoreDoc? x, ScoreDoc? y)
    {
        var byScore = y!.Score.CompareTo(x!.Score);
        return byScore != 0 ? byScore : tieBreak.Compare(x.Doc, y.Doc);
    }
}
