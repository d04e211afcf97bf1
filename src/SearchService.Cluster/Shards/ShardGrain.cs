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
/// grain's turns (<see cref="ShardLogFollower"/>), so searches never queue behind applying changes. The version applied is
/// what the index records as its write journal's position (<see cref="SearchIndex.CommittedJournalOffset"/>): in a
/// cluster the article log is the journal, and a version is a place in it. Documents are built from the facets the
/// writer extracted and stored with the article; an article stored without (written before the log kept facets) has
/// them extracted here, through the cluster's speaker table as a writer would (<see cref="ShardChanges"/>). A rebuild
/// resolves every article's speakers again with the table as it stands, as a single node's rebuild does. A copy is derived data: one that fails a call
/// in a way it did not mean to is deactivated, and one whose folder Lucene cannot read starts again from the log.
/// A copy is never collected for being idle (<see cref="KeepAliveAttribute"/>): like an Elasticsearch shard it lives
/// until it moves or its silo goes, following the log all the while. Collected after Orleans' 15 idle minutes, a quiet
/// cluster's copies would all stop at once, and the first search after would start each where placement puts it now,
/// not where the rebalancer moved it and its folder is: read again from the whole log, in that search's path.
/// </summary>
[ShardCopyPlacement]
[KeepAlive]
public sealed class ShardGrain(
    IOptions<ShardGrainOptions> options, SiloArticleLog articleLog, CommitWatch commits, ShardCopyBuilds builds, IFacetExtractor extractor,
    ShardQueryRules rules, ClusterSpeakerIdentities speakers, ILocalSiloDetails silo, ILoggerFactory loggers)
    : Grain, IShardGrain, IIncomingGrainCallFilter
{
    private readonly ILogger logger = loggers.CreateLogger<ShardGrain>();
    private readonly Dictionary<Guid, OpenSearch> searches = [];
    private ShardCopyFolder? folder;
    private SearchIndex? index;
    private IndexShardSource? source;
    private Suggester? suggester;
    private IndexStatementShard? statements;
    private ShardLogFollower? follower;

    private ShardCopy Copy => ShardCopy.Of(this.GetPrimaryKeyLong());

    private int ShardNumber => Copy.Shard;

    private SearchIndex Index => index ?? throw new InvalidOperationException("The shard is not active.");

    private ShardLogFollower Follower => follower ?? throw new InvalidOperationException("The shard is not active.");

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
            follower = new ShardLogFollower(Copy, index, source, articleLog, commits, speakers, extractor, options.Value, logger);
            await follower.CatchUpToActivateAsync(cancellationToken);
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
            ShardNumber, Copy.Copy, silo.SiloAddress, follower.OpenedAtVersion, follower.AppliedVersion);
        follower.Start();
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
        // The loop following the log writes to the index: it ends before the index is disposed, so the index's lifetime
        // stays the grain's. The index is closed however the loop ended: an exception here would otherwise keep its
        // folder locked for good.
        try
        {
            if (follower is not null)
                await follower.StopAsync();
        }
        finally
        {
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
        var applied = Follower.AppliedVersion;
        var paragraphs = Index.Search(searcher => searcher.IndexReader.NumDocs);
        return new ShardStatus(ShardNumber, Copy.Copy, silo.SiloAddress.ToString(), Follower.OpenedAtVersion, applied, latest, paragraphs,
            FolderBytes.Of(Index.Path), Follower.Rebuilding, Follower.LogReadAt);
    }

    public Task<bool> HasAppliedAsync(long version, TimeSpan wait) => Follower.CaughtUpAsync(version, wait);

    public Task<bool> RebuildAsync() => Task.FromResult(Follower.RequestRebuild());

    public Task<bool> MoveToAsync(SiloAddress to)
    {
        if (to.Equals(silo.SiloAddress) || Follower.Rebuilding)
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
        var version = Follower.AppliedVersion;
        var shard = search.PointInTime != 0 ? source!.OpenAt(search.PointInTime) : null;
        if (shard is null)
        {
            await Follower.AppliedAsync(search.MinVersion);
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

    /// <summary>A search a gatherer opened on this shard, and when.</summary>
    /// <param name="Version">The version the copy had applied when the search opened: its searcher holds at least that, unless it reads a cursor walk's point in time.</param>
    private sealed record OpenSearch(IShard Shard, DateTime Opened, long Version);
}
