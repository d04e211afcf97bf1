namespace SearchService.Core.Searching;

/// <summary>
/// Searches with cursors (Elasticsearch's <c>search_after</c> over a point in time): every answer carries a cursor
/// (<see cref="SearchResult.Next"/>) after its last hit, and a request with it (<see cref="SearchRequest.After"/>) gets
/// the hits after that one, with no limit on depth and at the cost of a first page, as pages are found by sort values,
/// not counted out. Every page of a walk reads the reader the walk began on (<see cref="PointsInTime"/>), so no hit is
/// shown twice or skipped, and scores do not shift, whatever is written meanwhile. When that reader has been closed, a
/// walk newest first goes on in the current reader (the same sort values still find the place exactly: dates and keys
/// of unchanged paragraphs do not change), but one by relevance cannot (every score moves with the index's statistics)
/// and is refused. A sharded index walks the same way, a point in time on each shard (<see cref="Sharding.ShardedCursorPaging"/>).
/// </summary>
public sealed class CursorPaging(ParagraphSearcher searcher, PointsInTime points, CursorCodec codec)
{
    /// <inheritdoc cref="ParagraphSearcher.Search(SearchRequest)"/>
    /// <exception cref="CursorException">The request's cursor cannot be followed.</exception>
    public SearchResult Search(SearchRequest request)
    {
        var after = request.After is { } text ? codec.Decode(text) : null;
        (request, var fingerprint) = Follow(request, after);
        using var point = PointFor(after);
        var result = searcher.Search(request, point.Searcher, after);
        // In the walk's own reader the hits shown so far are counted exactly; in a newer one, only a short page ends it.
        var exact = after is null || after.PointInTime == point.Id;
        return WithNext(request, result, after, fingerprint, exact, codec, next => next with { PointInTime = point.Id });
    }

    /// <summary>
    /// The request a page of a walk searches, and its fingerprint: a walk that favours fresh articles ages them at its
    /// first page's moment, or every score would drift with the clock.
    /// </summary>
    /// <exception cref="CursorException">The cursor was made for another search, or cannot follow this one.</exception>
    internal static (SearchRequest Request, string Fingerprint) Follow(SearchRequest request, SearchCursor? after)
    {
        if (after is not null && request.SemanticRerank)
            throw new CursorException("after cannot follow rerank=semantic, which orders only the best hits by meaning; page through them with page.");
        if (after?.AgedAt is { } agedAt && request.Recency is { } recency)
            request = request with { Recency = recency with { Now = agedAt } };
        var fingerprint = SearchCursor.FingerprintOf(request);
        if (after is not null && after.Fingerprint != fingerprint)
            throw new CursorException("after was made for another search: its q, syntax, filters, sort and collapse must stay as they were.");
        return (request, fingerprint);
    }

    /// <summary>The page's result with the cursor to the next page (<paramref name="placed"/> says where it reads), when there is a next page.</summary>
    /// <param name="exact">Whether the page was read in the walk's own reader, where the hits shown so far are counted exactly.</param>
    internal static SearchResult WithNext(
        SearchRequest request, SearchResult result, SearchCursor? after, string fingerprint, bool exact, CursorCodec codec, Func<SearchCursor, SearchCursor> placed)
    {
        // Pinned hits are shown on the first page only and are not among the ranked hits the walk follows.
        var ranked = result.Hits.Where(hit => hit.Pinned != true).ToList();
        var seen = (after?.Seen ?? (request.Page - 1L) * request.PageSize) + ranked.Count;
        var units = request.Unit == ResultUnit.Article ? result.TotalArticles ?? 0 : result.Total;
        var more = result.Hits.Count == request.PageSize && (!exact || seen < units) && !request.SemanticRerank;
        if (!more)
            return result;
        var byScore = request.Order == ResultOrder.Relevance && (ranked.Count > 0 ? ranked[^1].Score is not null : request.Query is not null);
        var next = ranked.Count > 0
            ? SearchCursor.After(0, fingerprint, seen, byScore, ranked[^1])
            : SearchCursor.Start(0, fingerprint, seen, byScore);
        return result with { Next = codec.Encode(placed(next with { AgedAt = request.Recency?.Now })) };
    }

    /// <summary>The refusal of a walk by relevance whose reader is no longer held.</summary>
    internal static CursorException Expired(TimeSpan keepAlive) => new(
        $"after has expired: a walk by relevance reads one version of the index, kept {keepAlive.TotalMinutes:0} minutes after its last page; start again without after.");

    private PointInTime PointFor(SearchCursor? after)
    {
        if (after is null)
            return points.Current();
        if (points.Find(after.PointInTime) is { } held)
            return held;
        if (after.Score is null)
            return points.Current();
        throw Expired(points.KeepAlive);
    }
}
