using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Reading a shard's changes from the article log into an index: the step a copy catches up with
/// (<see cref="ShardGrain"/>), and a build before a move (<see cref="ShardCopyBuilds"/>) too, so that what a build
/// holds is what a copy that had read as far would hold.
/// </summary>
internal static class ShardChanges
{
    /// <summary>Changes read from the log at once.</summary>
    public const int PerRead = 500;

    /// <summary>
    /// Reads the log's next <see cref="PerRead"/> changes after <paramref name="after"/> and applies those of
    /// <paramref name="shard"/>'s articles to <paramref name="index"/>, in version order; the index holds the journal
    /// up to the last version read, which its next commit records.
    /// </summary>
    /// <remarks>
    /// An article stored without facets (a row written before the log kept them) is extracted here as a writer would
    /// have: through the cluster's speaker table (<see cref="ClusterSpeakerIdentities.ExtractAsync(IReadOnlyList{Article}, CancellationToken)"/>),
    /// which learns from it first, so its speakers resolve, and count, as the written articles' do.
    /// </remarks>
    /// <returns>The last version read, whether any change was applied, and whether the read was full (more may follow).</returns>
    public static async Task<(long Read, bool Applied, bool Full)> ApplyNextAsync(
        PostgresArticleLog log, SearchIndex index, ShardRouter router, ClusterSpeakerIdentities speakers, int shard, long after, CancellationToken cancellation)
    {
        var changes = await log.ReadChangesAsync(after, PerRead, cancellation);
        var unfaceted = changes.Where(c => c is { Facets: null, Article: not null } && router.ShardOf(c.Id) == shard).ToList();
        var extracted = unfaceted.Count == 0
            ? new Dictionary<long, ArticleFacets>()
            : (await speakers.ExtractAsync(unfaceted.Select(c => c.Article!).ToList(), cancellation))
                .Select((faceted, i) => (unfaceted[i].Version, faceted.Facets)).ToDictionary();
        var (read, applied) = (after, false);
        foreach (var change in changes)
        {
            if (router.ShardOf(change.Id) == shard)
            {
                if (change.Article is { } article)
                    index.ReplaceJournaledArticle(article, change.Facets ?? extracted[change.Version], change.Version);
                else
                    index.DeleteJournaledArticle(change.Id, change.Version);
                applied = true;
            }
            read = change.Version;
        }
        index.HoldJournalUpTo(read);
        return (read, applied, changes.Count == PerRead);
    }
}
