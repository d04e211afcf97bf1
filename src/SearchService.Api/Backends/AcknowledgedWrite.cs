namespace SearchService.Api.Backends;

/// <summary>
/// A write a backend acknowledged, for <see cref="IArticleBackend.SearchableEverywhereAsync"/>: the version of the
/// article log it committed at and the shards of the articles it wrote (in cluster mode; a single node's write is
/// searchable when acknowledged, and is <see cref="Searchable"/>).
/// </summary>
public sealed record AcknowledgedWrite(long Version, IReadOnlySet<int> Shards)
{
    /// <summary>A write searchable by the time it was acknowledged, or one that wrote nothing.</summary>
    public static readonly AcknowledgedWrite Searchable = new(0, new HashSet<int>());
}
