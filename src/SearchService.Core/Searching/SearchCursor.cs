using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SearchService.Core.Searching;

/// <summary>
/// Where a walk through a search's hits stands (<see cref="CursorPaging"/>): the point in time it reads, the search it
/// belongs to, how many hits it has shown, and the sort values of the last one. Values, not an offset, so the next page
/// costs the same at any depth; the order ends with the unique paragraph key (<see cref="HitTieBreak"/>), so "after the
/// last one" is exact.
/// </summary>
/// <param name="PointInTime">The reader the walk reads (<see cref="PointsInTime"/>).</param>
/// <param name="Fingerprint">What was searched (<see cref="FingerprintOf"/>): a cursor serves that search only.</param>
/// <param name="Seen">How many hits the walk has shown, up to and including the last one.</param>
/// <param name="Score">The last hit's score, when hits are in order of relevance; null when newest first.</param>
/// <param name="Date">The last hit's publication date in UTC ticks (0: undated), the sort value when newest first.</param>
/// <param name="ArticleId">The last hit's article.</param>
/// <param name="Paragraph">The last hit's paragraph.</param>
/// <param name="AgedAt">The moment a walk that favours fresh articles takes ages at (its first page's), so that scores do not drift
/// with the clock from page to page (<see cref="RecencyDecay.Now"/>); null without recency.</param>
/// <param name="Shards">In a sharded index, where the walk reads each shard, in shard order (<see cref="PointInTime"/> is
/// then 0); null in one index.</param>
public sealed record SearchCursor(
    long PointInTime, string Fingerprint, long Seen, float? Score, long Date, string ArticleId, int Paragraph, DateTimeOffset? AgedAt = null,
    IReadOnlyList<Sharding.ShardPoint>? Shards = null)
{
    /// <summary>
    /// A digest of everything in a request that decides its hits and their order, and nothing that only shapes the answer
    /// (page, facet sizes, explanations, the cursor itself); new fields of <see cref="SearchRequest"/> count by default.
    /// </summary>
    public static string FingerprintOf(SearchRequest request)
    {
        var decisive = request with
        {
            Page = 1, PageSize = 1, FacetSize = 1, RegionTree = false, Explain = false, DateFacet = null, After = null,
        };
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(decisive)));
        return Convert.ToBase64String(digest, 0, 16);
    }

    /// <summary>The cursor before every ranked hit: after a first page holding pinned hits only.</summary>
    public static SearchCursor Start(long pointInTime, string fingerprint, long seen, bool byScore) =>
        new(pointInTime, fingerprint, seen, byScore ? float.MaxValue : null, long.MaxValue, "", 0);

    /// <summary>The cursor after <paramref name="last"/>, the last hit of a page of the walk.</summary>
    public static SearchCursor After(long pointInTime, string fingerprint, long seen, bool byScore, SearchHit last) => new(
        pointInTime, fingerprint, seen, byScore ? last.Score : null, last.Date?.UtcTicks ?? 0, last.ArticleId, last.Paragraph);
}
