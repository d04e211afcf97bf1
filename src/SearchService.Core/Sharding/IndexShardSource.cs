using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// A shard that is a <see cref="SearchIndex"/> of this process: each search reads a point in time of it
/// (<see cref="PointsInTime"/>), which a cursor walk reads again page after page while it is held. A writer that must
/// know what each search saw (a cluster's shard copy, which reports the version of the article log a search answered at)
/// publishes the readers searches open on (<see cref="Publish"/>, <see cref="OpenPublished"/>) instead of letting them
/// read whatever the index reopened last.
/// </summary>
public sealed class IndexShardSource : IShardSource, IDisposable
{
    private readonly SearchStages stages;
    private readonly PointsInTime points;
    private readonly SpeakerIdentityFile speakers;
    private readonly object publishing = new();
    // The reader published last and its version, held (entered once) by this source until the next is published.
    private (PointInTime Point, long Version)? published;

    /// <param name="synonyms">Applied to simple-syntax queries, as the gatherer applies them; null: the list shipped in Data/.</param>
    /// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
    /// <param name="firstPoint">Where the ids of its points in time begin (<see cref="PointsInTime"/>).</param>
    public IndexShardSource(SearchIndex index, Synonyms? synonyms = null, QueryCostLimits? limits = null, long firstPoint = 0)
        : this(index, new SearchStages(index.Analyzer, synonyms, null, limits), firstPoint)
    {
    }

    internal IndexShardSource(SearchIndex index, SearchStages stages, long firstPoint = 0)
    {
        this.stages = stages;
        speakers = index.SpeakerIdentities;
        points = new PointsInTime(index, TimeProvider.System, PointsInTime.DefaultKeepAlive, PointsInTime.DefaultMaxOpen, firstPoint);
    }

    public ValueTask<IShard> OpenAsync(ShardPoint? at = null) => ValueTask.FromResult(OpenAt(at?.PointInTime) ?? Open());

    /// <summary>A search over the point in time <paramref name="point"/>, or null when it is not held (or none is asked for).</summary>
    public IShard? OpenAt(long? point) => point is { } id && points.Find(id) is { } held ? On(held) : null;

    /// <summary>A search over the current reader.</summary>
    public IShard Open() => On(points.Current());

    /// <summary>
    /// Makes the index's current reader the one <see cref="OpenPublished"/> searches, as holding the changes up to
    /// <paramref name="version"/> (the caller's numbering), until the next call. The caller publishes once everything it
    /// wrote up to that version is searchable and before it writes more, so the reader holds exactly those changes.
    /// </summary>
    public void Publish(long version)
    {
        var point = points.Current();
        (PointInTime Point, long Version)? replaced;
        lock (publishing)
        {
            replaced = published;
            published = (point, version);
        }
        replaced?.Point.Dispose();
    }

    /// <summary>A search over the reader published last, and the version it was published as holding.</summary>
    /// <exception cref="InvalidOperationException">Nothing was published yet.</exception>
    public (IShard Shard, long Version) OpenPublished()
    {
        lock (publishing)
        {
            var (point, version) = published ?? throw new InvalidOperationException("No reader has been published yet.");
            return (On(points.Enter(point)), version);
        }
    }

    // Speaker filters take the variants of the table the index searches with now, as a single index's searches do.
    private IndexShard On(PointInTime point) => new(point.Searcher, stages, point, new ShardPoint(0, point.Id), speakers.Table);

    /// <summary>Releases the readers held for walks and the one published (searches under way keep theirs until they end).</summary>
    public void Dispose()
    {
        lock (publishing)
        {
            published?.Point.Dispose();
            published = null;
        }
        points.Dispose();
    }
}
