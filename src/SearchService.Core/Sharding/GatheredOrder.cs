using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// The order of hits gathered from shards, as one index orders them: best score first (or newest first), ties by
/// <see cref="HitTieBreak"/> on their keys.
/// </summary>
internal sealed class GatheredOrder(bool byScore) : IComparer<GatheredHit>
{
    public int Compare(GatheredHit? x, GatheredHit? y)
    {
        var (a, b) = (x!.Hit, y!.Hit);
        var first = byScore ? b.Score!.Value.CompareTo(a.Score!.Value) : b.Date.CompareTo(a.Date);
        return first != 0 ? first : HitTieBreak.CompareKeys(a.ArticleId, a.Paragraph, b.ArticleId, b.Paragraph);
    }
}
