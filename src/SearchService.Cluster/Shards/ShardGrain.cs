using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;
using SearchService.Cluster.Speakers;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// A shard of the cluster's index: a Lucene index on its silo's disk holding the articles <see cref="ShardRouter"/>
/// gives this shard, a view derived from the article log in PostgreSQL. On activation it opens what its folder holds
/// and reads the log's changes after the last version it applied; then a loop of its own follows the log off the
/// grain's turns (<see cref="FollowAsync"/>), so searches never queue behind applying changes. The version applied is
/// what the index records as its write journal's position (<see cref="SearchIndex.CommittedJournalOffset"/>): in a
/// cluster the article log is the journal, and a version is a place in it. Documents are built from the facets the
/// writer extracted and stored with the article; an article stored without (written before the log kept facets) has
/// them extracted here, through the cluster's speaker table as a writer would (<see cref="ShardChanges"/>). A rebuild
/// resolves every article's speakers again with the table as it stands, as a single node's rebuild does. A copy is derived data: one that fails a call
/// in a way it did not mean to is deactivated, and one whose folder Lucene cannot read starts again from the log.
/// </summary>
[ShardCopyPlacement]
public sealed class ShardGrain(
    IOptions<ShardGrainOptions> options, SiloArticleLog articleLog, CommitWatch commits, ShardCopyBuilds builds, IFacetExtractor extractor,
    ShardQueryRules rules, ClusterSpeakerIdentities speakers, ILocalSiloDetails silo, ILoggerFactory loggers)
    : Grain, IShardGrain, IIncomingGrainCallFilter
{
    private static readonly TimeSpan SearchableWithin = TimeSpan.FromSeconds(30);

    private readonly ILogger logger = loggers.CreateLogger<ShardGrain>();
    private readonly Dictionary<Guid, OpenSearch> searches = [];
    private readonly ShardRouter router = new(options.Value.Shards);
    private ShardCopyFolder? folder;
    private SearchIndex? index;
    private IndexShardSource? source;
    private Suggester? suggester;
    private IndexStatementShard? statements;
    private readonly CancellationTokenSource stopping = new();
    private Task? following;
    private long openedAtVersion;
    private bool logOutOfReach;
    // The loop's own: the last version read from the log and given to the index, and whether the index holds changes
    // that searches may not see yet.
    private long readVersion;
    private bool unsearchedChanges;
    // Written by the loop following the log, read by status calls on the grain's turns: the last version searches see.
    private long appliedVersion;
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

    private ShardCopy Copy => ShardCopy.Of(this.GetPrimaryKeyLong());

    private int ShardNumber => Copy.Shard;

    private SearchIndex Index => index ?? throw new InvalidOperationException("The shard is not active.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A folder per silo and copy: each copy follows the log on its own. A copy moved here opens what was built here
        // before the move (ShardCopyBuilds), and reads only the log's changes since.
        folder = await builds.ActivateAsync(Copy, cancellationToken);
        try
        {
            index = OpenIndex(folder.Path);
            // Speaker filters match every variant the cluster's table knows, as a single node's do with its own; the table
            // is kept in PostgreSQL, so no copy of it is written into the folder.
            if (speakers.Table is { } table)
                index.SpeakerIdentities.Attach(table, saved: false);
            // Point ids from a random place: a cursor naming a point of an earlier activation finds none, not another reader.
            source = new IndexShardSource(index, rules.Synonyms, rules.Limits, firstPoint: Random.Shared.NextInt64(1, long.MaxValue / 2));
            suggester = new Suggester(index, loggers.CreateLogger<Suggester>());
            statements = new IndexStatementShard(index);
            openedAtVersion = appliedVersion = readVersion = index.CommittedJournalOffset;
            try
            {
                // Nothing searches the copy before it is active: one reopen at the end, not one a read.
                await CatchUpAsync(ShardNumber, searchableEachRead: false, cancellationToken);
                LogRead();
            }
            catch (ArticleLogUnavailableException e) when (openedAtVersion > 0)
            {
                LogAnsweringFromWhatItHolds(ShardNumber, e);
                logOutOfReach = true;
                // What it holds: its folder and any changes read before the log went.
                await MakeSearchableAsync(ShardNumber, cancellationToken);
            }
            // Orleans stops waiting for an activation at its timeout (the token) and never deactivates it: one that
            // ends after that (its last reopen does not stop for the token) closes its index here, or its folder's lock
            // would refuse every later activation of the copy on this silo for the process's life.
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (ArticleLogUnavailableException e)
        {
            // A shard that starts empty and cannot read the log has nothing to answer with: answering would leave its
            // articles out of every search unseen, so it does not activate, and the next call tries again. The log's
            // exception does not cross the wire (its inner exceptions have no codec): its message does.
            CloseIndex(deleteFolder: false);
            throw new OrleansException($"Shard {ShardNumber} would start empty on {silo.SiloAddress}: {e.Message}");
        }
        catch
        {
            // An activation that failed (or that the runtime gave up on) is never deactivated: the index is closed here.
            CloseIndex(deleteFolder: false);
            throw;
        }
        logger.LogInformation("Shard {Shard} copy {Copy} active on {Silo}: opened at version {Opened}, caught up to {Applied}",
            ShardNumber, Copy.Copy, silo.SiloAddress, openedAtVersion, appliedVersion);
        var shard = ShardNumber;
        following = Task.Run(() => FollowAsync(shard, stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// A call that failed other than as the copy meant (a search's own failure, or <see cref="OrleansException"/> for a
    /// search it does not hold or a version not yet applied) leaves the copy in a state not known to be sound, such as
    /// a folder deleted under it: the copy deactivates, and the next call activates it again from its folder and the
    /// log, instead of failing every call for ever. The failure still reaches the caller, which asks another copy.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (e is not (OrleansException or QuerySyntaxException or QueryRefusedException or QueryTimeoutException))
        {
            logger.LogError(e, "{Copy} failed {Method} and deactivates; the next call activates it again", Copy, context.InterfaceMethod?.Name);
            this.DeactivateOnIdle();
            throw;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The loop writes to the index: it ends before the index is disposed, so the index's lifetime stays the grain's.
        // The index is closed however the loop ended: an exception here would otherwise keep its folder locked for good.
        try
        {
            await stopping.CancelAsync();
            if (following is not null)
                await following;
        }
        finally
        {
            stopping.Dispose();
            foreach (var search in searches.Values)
                search.Shard.Dispose();
            searches.Clear();
            CloseIndex(deleteFolder: reason.ReasonCode == DeactivationReasonCode.Migrating);
        }
    }

    /// <summary>
    /// Closes the copy's index and lets go of its folder (<see cref="ShardCopyBuilds.Release"/>), whatever fails: a
    /// later activation of the copy on this silo waits for that.
    /// </summary>
    private void CloseIndex(bool deleteFolder)
    {
        try
        {
            source?.Dispose();
        }
        finally
        {
            try
            {
                index?.Dispose();
                if (deleteFolder && index is not null)
                    DeleteMovedFolder(index.Path);
            }
            finally
            {
                builds.Release(folder!);
            }
        }
    }

    /// <summary>
    /// The folder of a copy moved to another silo: nothing reads it again (a copy moved back builds afresh from the log),
    /// so it goes, rather than holding a copy's disk on every silo it ever visited. Left in place when it cannot go.
    /// </summary>
    private void DeleteMovedFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            logger.LogInformation("{Copy} moved away from {Silo}; its folder {Path} is deleted", Copy, silo.SiloAddress, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "{Copy} moved away from {Silo}; its folder {Path} could not be deleted", Copy, silo.SiloAddress, path);
        }
    }

    public async Task<ShardStatus> StatusAsync()
    {
        long? latest;
        try
        {
            latest = await (await articleLog.GetAsync()).CurrentVersionAsync();
        }
        catch (ArticleLogUnavailableException)
        {
            latest = null;
        }
        // The version first: the searcher read after it is at least as new, so the paragraphs count every version reported.
        var applied = Volatile.Read(ref appliedVersion);
        var paragraphs = Index.Search(searcher => searcher.IndexReader.NumDocs);
        var readAt = Volatile.Read(ref logReadAtMs);
        return new ShardStatus(ShardNumber, Copy.Copy, silo.SiloAddress.ToString(), openedAtVersion, applied, latest, paragraphs,
            FolderBytes.Of(Index.Path), rebuildRequested || publishingRebuilt, readAt == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(readAt));
    }

    public Task<bool> HasAppliedAsync(long version, TimeSpan wait) => CaughtUpAsync(version, wait);

    private void LogRead() => Volatile.Write(ref logReadAtMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public Task<bool> RebuildAsync()
    {
        if (rebuildRequested)
            return Task.FromResult(false);
        rebuildRequested = true;
        return Task.FromResult(true);
    }

    public Task<bool> MoveToAsync(SiloAddress to)
    {
        if (to.Equals(silo.SiloAddress) || rebuildRequested)
            return Task.FromResult(false);
        // The migration takes this turn's request context to the placement director, which places the copy there.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, to);
        MigrateOnIdle();
        return Task.FromResult(true);
    }

    public Task CloseAsync(Guid search)
    {
        if (searches.Remove(search, out var closed))
            closed.Shard.Dispose();
        return Task.CompletedTask;
    }

    public async Task<ShardDfsAt> DfsAsync(ShardSearch search, ShardRequest request, List<string> words)
    {
        var open = await OpenedSearchAsync(search);
        return new ShardDfsAt(await open.Shard.DfsAsync(request, words), open.Version, open.Shard.Point.PointInTime);
    }

    public async Task<ShardNeighbours> NeighboursAsync(ShardSearch search, List<NeighbourLookup> words) =>
        await (await OpenedAsync(search)).NeighboursAsync(words);

    public async Task<CorpusStatistics> TermStatisticsAsync(ShardSearch search, List<ShardTerm> terms) =>
        await (await OpenedAsync(search)).StatisticsAsync(terms.ConvertAll(t => t.ToTerm()));

    public async Task<ShardAnswer> QueryAsync(ShardSearch search, ShardRequest request, CorpusStatistics statistics) =>
        await (await OpenedAsync(search)).QueryAsync(request, statistics);

    public async Task<Dictionary<int, float>> FeedbackScoresAsync(
        ShardSearch search, CorpusStatistics statistics, List<FeedbackWord> words, Dictionary<int, float> scores) =>
        (await (await OpenedAsync(search)).FeedbackScoresAsync(statistics, words, scores)).ToDictionary();

    public async Task<List<string>> PassagesAsync(ShardSearch search, List<int> docs) => [.. await (await OpenedAsync(search)).PassagesAsync(docs)];

    public async Task<List<SearchHit>> FetchAsync(
        ShardSearch search, ShardRequest request, CorpusStatistics statistics, List<FeedbackWord> feedback, List<ShardHit> hits, HashSet<int> rescored) =>
        [.. await (await OpenedAsync(search)).FetchAsync(request, statistics, feedback, hits, rescored)];

    public async Task<ShardExportPage> ExportAsync(ShardSearch search, ShardRequest request, CorpusStatistics statistics, int from, int size) =>
        await (await OpenedAsync(search)).ExportAsync(request, statistics, from, size);

    public async Task<Dictionary<string, int>> FacetValuesAsync(ShardSearch search, ShardRequest request, string facet) =>
        await (await OpenedAsync(search)).FacetValuesAsync(request, facet);

    public async Task<ArticleView?> ArticleAsync(ShardSearch search, string articleId, SearchScope? scope) =>
        await (await OpenedAsync(search)).ArticleAsync(articleId, scope);

    public async Task<List<RelatedCandidate>> RelatedAsync(ShardSearch search, RelatedShardRequest request, CorpusStatistics statistics) =>
        [.. await (await OpenedAsync(search)).RelatedAsync(request, statistics)];

    public Task<List<Suggestion>> SuggestAsync(string typed, int size, SearchScope? scope) => Task.FromResult(suggester!.Suggest(typed, size, scope).ToList());

    public async Task<CorpusStatistics> StatementDfsAsync(QuoteRequest request) => await statements!.StatementDfsAsync(request);

    public async Task<Dictionary<string, int>> StatementMonthsAsync(QuoteRequest request) => await statements!.StatementMonthsAsync(request);

    public async Task<StatementMatches> StatementMatchesAsync(QuoteRequest request, CorpusStatistics statistics) =>
        await statements!.StatementMatchesAsync(request, statistics);

    public async Task<List<QuoteHit?>> StatementHitsAsync(QuoteRequest request, List<StatementMatch> matches) =>
        [.. await statements!.StatementHitsAsync(request, matches)];

    /// <summary>
    /// The search, opened first when this is its first call (searches that outlived their lifetime are ended then). A
    /// search this activation does not hold fails as the copy's unavailability does, so that the search is tried again.
    /// </summary>
    private async ValueTask<IShard> OpenedAsync(ShardSearch search) => (await OpenedSearchAsync(search)).Shard;

    private async ValueTask<OpenSearch> OpenedSearchAsync(ShardSearch search)
    {
        if (!search.Opens)
        {
            return searches.TryGetValue(search.Id, out var open)
                ? open
                : throw new OrleansException($"{Copy} holds no search {search.Id}: it was activated since, or the search outlived {options.Value.SearchLifetime}.");
        }
        var now = DateTime.UtcNow;
        foreach (var (id, expired) in searches.Where(s => now - s.Value.Opened > options.Value.SearchLifetime).ToList())
        {
            expired.Shard.Dispose();
            searches.Remove(id);
        }
        // A cursor walk's point, while held, is read as it is: older than what this node's searches saw, on purpose.
        var version = Volatile.Read(ref appliedVersion);
        var shard = search.PointInTime != 0 ? source!.OpenAt(search.PointInTime) : null;
        if (shard is null)
        {
            await AppliedAsync(search.MinVersion);
            // The reader published with its version, not the index's latest: that one may already hold some of the
            // changes being applied, which a later search through another copy, waiting only for the version this one
            // reports (ShardSearch.MinVersion), might not find.
            (shard, version) = source!.OpenPublished();
        }
        var opened = new OpenSearch(shard, now, version);
        searches[search.Id] = opened;
        return opened;
    }

    /// <summary>
    /// Waits, within <see cref="ShardGrainOptions.CatchUpWait"/>, until this copy has applied <paramref name="version"/>;
    /// then fails as an unavailable copy does, so that the search asks another. The wait holds this copy's other calls
    /// (a grain's turns do not interleave), for no longer than the copy takes to apply what the other copy has.
    /// </summary>
    private async Task AppliedAsync(long version)
    {
        if (!await CaughtUpAsync(version, options.Value.CatchUpWait))
            throw new OrleansException(
                $"{Copy} has applied version {Volatile.Read(ref appliedVersion)}, not yet {version}, which another copy answered at, within {options.Value.CatchUpWait.TotalSeconds:0.###} s.");
    }

    /// <summary>Whether this copy has applied <paramref name="version"/>, waiting up to <paramref name="wait"/> for it (the loop following the log reports it).</summary>
    private async Task<bool> CaughtUpAsync(long version, TimeSpan wait)
    {
        var waited = Stopwatch.StartNew();
        while (Volatile.Read(ref appliedVersion) < version)
        {
            if (waited.Elapsed >= wait)
                return false;
            await Task.Delay(5);
        }
        return true;
    }

    /// <summary>
    /// Catches up on the log's newer changes as each write commits (<see cref="CommitWatch"/>), and at least every
    /// <see cref="ShardGrainOptions.PollInterval"/>, until the grain deactivates, on the thread pool rather than the
    /// grain's turns: applying changes and waiting for them to become searchable would otherwise hold every search sent
    /// to this copy meanwhile (a Lucene index takes writes and searches at once). PostgreSQL out of reach leaves the
    /// shard answering from what it holds, and the next round (a poll interval later) tries again; any other failure is
    /// logged and tried again too.
    /// </summary>
    private async Task FollowAsync(int shard, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (!rebuildRequested)
                    await commits.WaitAsync(readVersion, options.Value.PollInterval, stop);
                try
                {
                    await CatchUpAsync(shard, searchableEachRead: true, stop);
                    LogRead();
                    if (rebuildRequested)
                        await RebuildStepAsync(shard, stop);
                    if (logOutOfReach)
                        logger.LogInformation("Shard {Shard} reads the article log again, from version {Version}", shard, Volatile.Read(ref appliedVersion));
                    logOutOfReach = false;
                }
                catch (ArticleLogUnavailableException e)
                {
                    // Said when the log goes, and when it comes back: not at every round, of every copy, while it is out.
                    if (!logOutOfReach)
                        LogAnsweringFromWhatItHolds(shard, e);
                    logOutOfReach = true;
                    await Task.Delay(options.Value.PollInterval, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    // A rebuild that failed is given up, the live index answering as before; asking again starts another.
                    EndRebuild();
                    logger.LogError(e, "Shard {Shard} failed to apply the log's changes after version {Version}", shard, readVersion);
                    await Task.Delay(options.Value.PollInterval, stop);
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
    private async Task RebuildStepAsync(int shard, CancellationToken cancellation)
    {
        if (rebuild is null)
        {
            rebuildResolving = await speakers.ResolvingAsync(cancellation);
            rebuild = Index.BeginRebuild();
            rebuildReadVersion = 0;
            logger.LogInformation("Shard {Shard} copy {Copy} rebuilds from the article log up to version {Version}", shard, Copy.Copy, rebuild.JournalSnapshot);
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
        Index.CompleteRebuild(rebuild);
        // Searches go on reading the published reader of the index replaced until the rebuilt one is published, so the
        // copy says it is rebuilding until then (a status read between the two saw a rebuilt copy answer from the old).
        publishingRebuilt = true;
        try
        {
            EndRebuild();
            unsearchedChanges = true;
            await MakeSearchableAsync(shard, cancellation);
        }
        finally
        {
            publishingRebuilt = false;
        }
        Index.MergeDown();
        logger.LogInformation("Shard {Shard} copy {Copy} searches its rebuilt index", shard, Copy.Copy);
    }

    /// <summary>Ends the rebuild under way, if any: a rebuild not switched to is deleted (a failure, or the grain deactivating).</summary>
    private void EndRebuild()
    {
        if (rebuild is null)
            return;
        Index.AbandonRebuild(rebuild);
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
    private async Task CatchUpAsync(int shard, bool searchableEachRead, CancellationToken cancellation)
    {
        var log = await articleLog.GetAsync();
        bool full;
        do
        {
            (readVersion, var applied, full) = await ShardChanges.ApplyNextAsync(log, Index, router, speakers, shard, readVersion, cancellation);
            unsearchedChanges |= applied;
            if (searchableEachRead)
                await MakeSearchableAsync(shard, cancellation);
        }
        while (full);
        if (!searchableEachRead)
            await MakeSearchableAsync(shard, cancellation);
    }

    /// <summary>
    /// Reopens the copy's searcher on what it has read and publishes it (<see cref="IndexShardSource.Publish"/>) as
    /// holding that version, then reports the version applied. Searches of the copy read the published reader, so the
    /// version a search answers at is exactly what it read, and a version reported applied (<see cref="StatusAsync"/>, so
    /// <c>/health</c>'s lag and <c>/metrics</c>) is one its searches see. Not searchable in time: reported at a later
    /// round, which waits again.
    /// </summary>
    private async Task MakeSearchableAsync(int shard, CancellationToken cancellation)
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
                    if (!Index.WaitUntilSearchable(SearchableWithin))
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
        source!.Publish(version);
        Volatile.Write(ref appliedVersion, version);
    }

    /// <summary>
    /// The copy's index in <paramref name="path"/>; a folder Lucene cannot read (a file corrupt, or missing that its last
    /// commit names) is deleted and the copy starts empty, to be read again from the article log, as a copy of another
    /// schema is.
    /// </summary>
    private SearchIndex OpenIndex(string path)
    {
        try
        {
            return NewIndex(path);
        }
        catch (IndexUnavailableException e) when (e.Unreadable)
        {
            logger.LogWarning(e, "{Copy}: Lucene cannot read {Path}; it is deleted and the copy read again from the article log", Copy, path);
            Directory.Delete(path, recursive: true);
            return NewIndex(path);
        }
    }

    private SearchIndex NewIndex(string path) => new(path, loggers.CreateLogger<SearchIndex>(), SearcherSetup.Budgeted(options.Value.QueryBudget));

    private void LogAnsweringFromWhatItHolds(int shard, ArticleLogUnavailableException e) =>
        logger.LogWarning(e, "Shard {Shard} answers from version {Version}: the article log is out of reach", shard, Volatile.Read(ref appliedVersion));

    /// <summary>A search a gatherer opened on this shard, and when.</summary>
    /// <param name="Version">The version the copy had applied when the search opened: its searcher holds at least that, unless it reads a cursor walk's point in time.</param>
    private sealed record OpenSearch(IShard Shard, DateTime Opened, long Version);
}
