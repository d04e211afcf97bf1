using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Keeps one shard copy's index in step with the article log, for its <see cref="ShardGrain"/>: catches up on
/// activation, then follows the log in a loop of its own off the grain's turns (<see cref="Start"/>), so searches never
/// queue behind applying changes, and runs the rebuilds asked for (<see cref="RequestRebuild"/>) step by step between
/// catch-ups. It publishes each reader it makes searchable with the version it holds (<see cref="IndexShardSource.Publish"/>)
/// and reports that version applied (<see cref="AppliedVersion"/>).
/// </summary>
internal sealed class ShardLogFollower(
    ShardCopy copy, SearchIndex index, IndexShardSource source, SiloArticleLog articleLog, CommitWatch commits,
    ClusterSpeakerIdentities speakers, IFacetExtractor extractor, ShardGrainOptions options, ILogger logger)
{
    private static readonly TimeSpan SearchableWithin = TimeSpan.FromSeconds(30);

    private readonly ShardRouter router = new(options.Shards);
    private readonly int shard = copy.Shard;
    private readonly CancellationTokenSource stopping = new();
    private Task? following;
    private bool logOutOfReach;
    // The loop's own: the last version read from the log and given to the index, and whether the index holds changes
    // that searches may not see yet.
    private long readVersion = index.CommittedJournalOffset;
    private bool unsearchedChanges;
    // Written by the loop, read by status calls on the grain's turns: the last version searches see.
    private long appliedVersion = index.CommittedJournalOffset;
    private long logReadAtMs; // when the log was last read to its end, Unix milliseconds (0: not yet); written by the loop
    // Set by a rebuild's request on the grain's turns, cleared by the loop once the rebuilt index is live.
    private volatile bool rebuildRequested;
    // Set by the loop from the rebuilt index's switch until searches read it: the copy still says it is rebuilding.
    private volatile bool publishingRebuilt;
    // The loop's own: the rebuild under way, and the last version of the log read into it.
    private IndexRebuild? rebuild;
    private long rebuildReadVersion;
    // The rebuild's extractor resolving speakers with the cluster's table as it stood when the rebuild began; null without identities.
    private IFacetExtractor? rebuildResolving;

    /// <summary>The version the index held when the copy opened it.</summary>
    public long OpenedAtVersion { get; } = index.CommittedJournalOffset;

    /// <summary>The last version searches of the copy see.</summary>
    public long AppliedVersion => Volatile.Read(ref appliedVersion);

    /// <summary>When the log was last read to its end; null: not yet.</summary>
    public DateTimeOffset? LogReadAt => Volatile.Read(ref logReadAtMs) is var at and not 0 ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null;

    /// <summary>Whether a rebuild is asked for or under way, until searches read the rebuilt index.</summary>
    public bool Rebuilding => rebuildRequested || publishingRebuilt;

    /// <summary>
    /// Catches up on the log before the copy activates: nothing searches it yet, so one reopen at the end, not one a
    /// read. A copy that holds something answers from it when the log is out of reach (its folder and any changes read
    /// before the log went); one that holds nothing fails with <see cref="ArticleLogUnavailableException"/>.
    /// </summary>
    public async Task CatchUpToActivateAsync(CancellationToken cancellation)
    {
        try
        {
            await CatchUpAsync(searchableEachRead: false, cancellation);
            LogRead();
        }
        catch (ArticleLogUnavailableException e) when (OpenedAtVersion > 0)
        {
            LogAnsweringFromWhatItHolds(e);
            logOutOfReach = true;
            await MakeSearchableAsync(cancellation);
        }
    }

    /// <summary>Starts following the log, until <see cref="StopAsync"/>.</summary>
    public void Start() => following = Task.Run(() => FollowAsync(stopping.Token), CancellationToken.None);

    /// <summary>Ends the loop (and a rebuild under way): it writes to the index, so the index is disposed only after.</summary>
    public async Task StopAsync()
    {
        try
        {
            await stopping.CancelAsync();
            if (following is not null)
                await following;
        }
        finally
        {
            stopping.Dispose();
        }
    }

    /// <summary>Asks the loop to rebuild the copy from the log; false when a rebuild is asked for already.</summary>
    public bool RequestRebuild()
    {
        if (rebuildRequested)
            return false;
        rebuildRequested = true;
        return true;
    }

    /// <summary>
    /// Waits, within <see cref="ShardGrainOptions.CatchUpWait"/>, until this copy has applied <paramref name="version"/>;
    /// then fails as an unavailable copy does, so that the search asks another. The wait holds this copy's other calls
    /// (a grain's turns do not interleave), for no longer than the copy takes to apply what the other copy has.
    /// </summary>
    public async Task AppliedAsync(long version)
    {
        if (!await CaughtUpAsync(version, options.CatchUpWait))
            throw new OrleansException(
                $"{copy} has applied version {AppliedVersion}, not yet {version}, which another copy answered at, within {options.CatchUpWait.TotalSeconds:0.###} s.");
    }

    /// <summary>Whether this copy has applied <paramref name="version"/>, waiting up to <paramref name="wait"/> for it (the loop following the log reports it).</summary>
    public async Task<bool> CaughtUpAsync(long version, TimeSpan wait)
    {
        var waited = Stopwatch.StartNew();
        while (AppliedVersion < version)
        {
            if (waited.Elapsed >= wait)
                return false;
            await Task.Delay(5);
        }
        return true;
    }

    private void LogRead() => Volatile.Write(ref logReadAtMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    /// <summary>
    /// Catches up on the log's newer changes as each write commits (<see cref="CommitWatch"/>), and at least every
    /// <see cref="ShardGrainOptions.PollInterval"/>, until stopped, on the thread pool rather than the grain's turns:
    /// applying changes and waiting for them to become searchable would otherwise hold every search sent to this copy
    /// meanwhile (a Lucene index takes writes and searches at once). PostgreSQL out of reach leaves the shard answering
    /// from what it holds, and the next round (a poll interval later) tries again; any other failure is logged and
    /// tried again too.
    /// </summary>
    private async Task FollowAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (!rebuildRequested)
                    await commits.WaitAsync(readVersion, options.PollInterval, stop);
                try
                {
                    await CatchUpAsync(searchableEachRead: true, stop);
                    LogRead();
                    if (rebuildRequested)
                        await RebuildStepAsync(stop);
                    if (logOutOfReach)
                        logger.LogInformation("Shard {Shard} reads the article log again, from version {Version}", shard, AppliedVersion);
                    logOutOfReach = false;
                }
                catch (ArticleLogUnavailableException e)
                {
                    // Said when the log goes, and when it comes back: not at every round, of every copy, while it is out.
                    if (!logOutOfReach)
                        LogAnsweringFromWhatItHolds(e);
                    logOutOfReach = true;
                    await Task.Delay(options.PollInterval, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    // A rebuild that failed is given up, the live index answering as before; asking again starts another.
                    EndRebuild();
                    logger.LogError(e, "Shard {Shard} failed to apply the log's changes after version {Version}", shard, readVersion);
                    await Task.Delay(options.PollInterval, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            EndRebuild();
        }
    }

    /// <summary>
    /// One step of a rebuild, between two catch-ups of the live index: the first begins a new index beside the live one
    /// (<see cref="SearchIndex.BeginRebuild"/>), holding the log up to the version the live index had read; each reads
    /// the next <see cref="ShardChanges.PerRead"/> changes up to that version into it; the last switches searches to it. The
    /// changes after that version reach it as they reach the live index (<see cref="SearchIndex.ReplaceJournaledArticle"/>
    /// writes both), and win over what the rebuild reads. The live index answers searches until the switch, and searches
    /// begun before it end on it. Steps run on the loop that follows the log, so the rebuild reads the log's rows in
    /// turn with the catch-ups: a row it reads is the newest state of its article at that moment.
    /// </summary>
    private async Task RebuildStepAsync(CancellationToken cancellation)
    {
        if (rebuild is null)
        {
            rebuildResolving = await speakers.ResolvingAsync(cancellation);
            rebuild = index.BeginRebuild();
            rebuildReadVersion = 0;
            logger.LogInformation("Shard {Shard} copy {Copy} rebuilds from the article log up to version {Version}", shard, copy.Copy, rebuild.JournalSnapshot);
        }
        var upTo = rebuild.JournalSnapshot;
        var log = await articleLog.GetAsync();
        var changes = await log.ReadChangesAsync(rebuildReadVersion, ShardChanges.PerRead, cancellation);
        var resolved = new List<ArticleChange>();
        var read = rebuildReadVersion;
        foreach (var change in changes.TakeWhile(c => c.Version <= upTo))
        {
            if (router.ShardOf(change.Id) == shard && change.Article is { } article)
            {
                // As a single node's rebuild: speakers resolved again with the table as it stands, so an early article's
                // short form ("Volcker", stored before the table knew "Paul Volcker") becomes the full name.
                var facets = rebuildResolving?.Extract(article) ?? change.Facets ?? extractor.Extract(article);
                rebuild.ReplaceArticle(article, facets, null);
                if (rebuildResolving is not null)
                    resolved.Add(change with { Facets = facets });
            }
            read = change.Version;
        }
        // Stored with the articles: a copy built from the log later (a node added, a folder lost) indexes what the
        // rebuilt copies hold. Read on only once stored: a step whose store failed (PostgreSQL out of reach) is read again.
        if (resolved.Count > 0)
            await log.ReplaceFacetsAsync(resolved, cancellation);
        rebuildReadVersion = read;
        if (changes.Count == ShardChanges.PerRead && rebuildReadVersion < upTo)
            return;
        index.CompleteRebuild(rebuild);
        // Searches go on reading the published reader of the index replaced until the rebuilt one is published, so the
        // copy says it is rebuilding until then (a status read between the two saw a rebuilt copy answer from the old).
        publishingRebuilt = true;
        try
        {
            EndRebuild();
            unsearchedChanges = true;
            await MakeSearchableAsync(cancellation);
        }
        finally
        {
            publishingRebuilt = false;
        }
        index.MergeDown();
        logger.LogInformation("Shard {Shard} copy {Copy} searches its rebuilt index", shard, copy.Copy);
    }

    /// <summary>Ends the rebuild under way, if any: a rebuild not switched to is deleted (a failure, or the loop ending).</summary>
    private void EndRebuild()
    {
        if (rebuild is null)
            return;
        index.AbandonRebuild(rebuild);
        rebuild.Dispose();
        rebuild = null;
        rebuildResolving = null;
        rebuildRequested = false;
    }

    /// <summary>
    /// Applies the log's changes after the last version read, those of this shard's articles, in version order, and
    /// makes them searchable: a read (<see cref="ShardChanges.PerRead"/>) at a time when <paramref name="searchableEachRead"/>,
    /// so that a long catch-up shows its progress to searches and statuses, else once at the end.
    /// </summary>
    private async Task CatchUpAsync(bool searchableEachRead, CancellationToken cancellation)
    {
        var log = await articleLog.GetAsync();
        bool full;
        do
        {
            (readVersion, var applied, full) = await ShardChanges.ApplyNextAsync(log, index, router, speakers, shard, readVersion, cancellation);
            unsearchedChanges |= applied;
            if (searchableEachRead)
                await MakeSearchableAsync(cancellation);
        }
        while (full);
        if (!searchableEachRead)
            await MakeSearchableAsync(cancellation);
    }

    /// <summary>
    /// Reopens the copy's searcher on what it has read and publishes it (<see cref="IndexShardSource.Publish"/>) as
    /// holding that version, then reports the version applied. Searches of the copy read the published reader, so the
    /// version a search answers at is exactly what it read, and a version reported applied (<see cref="ShardGrain.StatusAsync"/>,
    /// so <c>/health</c>'s lag and <c>/metrics</c>) is one its searches see. Not searchable in time: reported at a later
    /// round, which waits again.
    /// </summary>
    private async Task MakeSearchableAsync(CancellationToken cancellation)
    {
        var read = readVersion;
        if (!unsearchedChanges)
        {
            // None of the changes read was this shard's: the reader holds what it held, now known as of a later version.
            Publish(read);
            return;
        }
        // The wait blocks its thread until the reader is reopened: a thread of its own, not one of the pool's few (two
        // on a two-core machine) that the silo's and the API's work needs meanwhile. The reader is published on that
        // thread, not after a hop back to the pool: searches waiting for it (ShardSearch.MinVersion, refresh=wait_for)
        // go on at once.
        if (!await Task.Factory.StartNew(
                () =>
                {
                    if (!index.WaitUntilSearchable(SearchableWithin))
                        return false;
                    Publish(read);
                    return true;
                }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default))
        {
            logger.LogWarning("Shard {Shard}: changes up to version {Version} not searchable within {Timeout}", shard, readVersion, SearchableWithin);
            return;
        }
        unsearchedChanges = false;
    }

    /// <summary>The index's current reader is the one searches open on, as holding the log up to <paramref name="version"/>.</summary>
    private void Publish(long version)
    {
        source.Publish(version);
        Volatile.Write(ref appliedVersion, version);
    }

    private void LogAnsweringFromWhatItHolds(ArticleLogUnavailableException e) =>
        logger.LogWarning(e, "Shard {Shard} answers from version {Version}: the article log is out of reach", shard, AppliedVersion);
}
