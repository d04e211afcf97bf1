using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Cursor paging over a sharded index with one index's promises (<see cref="CursorPaging"/>): the cursor names, per
/// shard, the copy and the point in time the walk reads (Elasticsearch's point-in-time id over shards), each shard gives
/// only its hits after the cursor's sort values, and the gatherer merges them. Every page of a walk reads the same
/// readers while their copies hold them, so the corpus-wide figures, and every score, stay as they were. A walk by
/// relevance whose reader is gone on some shard is refused; one newest first goes on with any copy's current reader.
/// A question's page is re-scored by the gatherer as its first page was (<see cref="HitGatherer"/>), then taken after the cursor.
/// </summary>
public sealed class ShardedCursorPaging(ShardedSearcher searcher, CursorCodec codec)
{
    /// <inheritdoc cref="ShardedSearcher.SearchAsync"/>
    /// <exception cref="CursorException">The request's cursor cannot be followed.</exception>
    public async Task<SearchResult> SearchAsync(SearchRequest request)
    {
        var after = request.After is { } text ? codec.Decode(text) : null;
        (request, var fingerprint) = CursorPaging.Follow(request, after);
        var page = await searcher.PageAsync(request, after);
        var exact = after is null || (after.Shards is { } read && read.SequenceEqual(page.Points));
        return CursorPaging.WithNext(request, page.Result, after, fingerprint, exact, codec, next => next with { Shards = page.Points });
    }
}
