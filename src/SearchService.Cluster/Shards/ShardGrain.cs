using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Cluster.Storage;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// A shard of the cluster's index: a Lucene index on its silo's disk holding the articles <see cref="ShardRouter"/>
/// gives this shard, a view derived from the article log in PostgreSQL. On activation it opens what its folder holds
/// and reads the log's changes after the last version it applied; then it polls for more. The version applied is
/// what the index records as its write journal's position (<see cref="SearchIndex.CommittedJournalOffset"/>): in a
/// cluster the article log is the journal, and a version is a place in it. Facets are extracted as a single node
/// extracts them for an API write.
/// </summary>
[ShardCopyPlacement]
public sealed class ShardGrain(
    IOptions<ShardGrainOptions> options, SiloArticleLog articleLog, IFacetExtractor extractor, ILocalSiloDetails silo, ILoggerFactory loggers)
    : Grain, IShardGrain
{
    /// <summary>Changes read from the log at once while catching up.</summary>
    private const int ChangesPerRead = 500;

    private static readonly TimeSpan SearchableWithin = TimeSpan.FromSeconds(30);

    private readonly ILogger logger = loggers.CreateLogger<ShardGrain>();
    private readonly Dictionary<Guid, OpenSearch> searches = [];
    private readonly ShardRouter router = new(options.Value.Shards);
    private SearchIndex? index;
    private IndexShardSource? source;
    private Suggester? suggester;
    private long openedAtVersion;
    private long appliedVersion;

    private ShardCopy Copy => ShardCopy.Of(this.GetPrimaryKeyLong());

    private int ShardNumber => Copy.Shard;

    private SearchIndex Index => index ?? throw new InvalidOperationException("The shard is not active.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A folder per silo and copy: each copy follows the log on its own, and in-process test silos share one disk.
        var siloFolder = $"{silo.SiloAddress.Endpoint.Address}_{silo.SiloAddress.Endpoint.Port}";
        index = new SearchIndex(Path.Combine(options.Value.Root, siloFolder, $"shard-{ShardNumber}-copy-{Copy.Copy}"), loggers.CreateLogger<SearchIndex>());
        source = new IndexShardSource(index);
        suggester = new Suggester(index, loggers.CreateLogger<Suggester>());
        openedAtVersion = appliedVersion = index.CommittedJournalOffset;
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        catch (ArticleLogUnavailableException e) when (openedAtVersion > 0)
        {
            LogAnsweringFromWhatItHolds(e);
        }
        catch (ArticleLogUnavailableException e)
        {
            // A shard that starts empty and cannot read the log has nothing to answer with: answering would leave its
            // articles out of every search unseen, so it does not activate, and the next call tries again. The log's
            // exception does not cross the wire (its inner exceptions have no codec): its message does.
            index.Dispose();
            throw new OrleansException($"Shard {ShardNumber} would start empty on {silo.SiloAddress}: {e.Message}");
        }
        logger.LogInformation("Shard {Shard} copy {Copy} active on {Silo}: opened at version {Opened}, caught up to {Applied}",
            ShardNumber, Copy.Copy, silo.SiloAddress, openedAtVersion, appliedVersion);
        this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(options.Value.PollInterval, options.Value.PollInterval));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var search in searches.Values)
            search.Shard.Dispose();
        searches.Clear();
        index?.Dispose();
        return Task.CompletedTask;
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
        var paragraphs = Index.Search(searcher => searcher.IndexReader.NumDocs);
        return new ShardStatus(ShardNumber, Copy.Copy, silo.SiloAddress.ToString(), openedAtVersion, appliedVersion, latest, paragraphs);
    }

    public Task CloseAsync(Guid search)
    {
        if (searches.Remove(search, out var closed))
            closed.Shard.Dispose();
        return Task.CompletedTask;
    }

    public async Task<ShardDfs> DfsAsync(ShardSearch search, ShardRequest request, List<SpellingLookup> words) =>
        await (await OpenedAsync(search)).DfsAsync(request, words);

    public async Task<CorpusStatistics> TermStatisticsAsync(ShardSearch search, List<ShardTerm> terms) =>
        await (await OpenedAsync(search)).StatisticsAsync(terms.ConvertAll(t => t.ToTerm()));

    public async Task<ShardAnswer> QueryAsync(ShardSearch search, ShardRequest request, CorpusStatistics statistics) =>
        await (await OpenedAsync(search)).QueryAsync(request, statistics);

    public async Task<ShardProximity> ProximityAsync(ShardSearch search, ShardRequest request, CorpusStatistics statistics, List<ShardHit> candidates) =>
        await (await OpenedAsync(search)).ProximityAsync(request, statistics, candidates);

    public async Task<Dictionary<int, float>> FeedbackScoresAsync(
        ShardSearch search, CorpusStatistics statistics, List<FeedbackWord> words, Dictionary<int, float> scores) =>
        (await (await OpenedAsync(search)).FeedbackScoresAsync(statistics, words, scores)).ToDictionary();

    public async Task<List<string>> PassagesAsync(ShardSearch search, List<int> docs) => [.. await (await OpenedAsync(search)).PassagesAsync(docs)];

    public async Task<List<SearchHit>> FetchAsync(
        ShardSearch search, ShardRequest request, CorpusStatistics statistics, List<FeedbackWord> feedback, List<ShardHit> hits, HashSet<int> rescored) =>
        [.. await (await OpenedAsync(search)).FetchAsync(request, statistics, feedback, hits, rescored)];

    public async Task<Dictionary<string, int>> FacetValuesAsync(ShardSearch search, ShardRequest request, string facet) =>
        await (await OpenedAsync(search)).FacetValuesAsync(request, facet);

    public Task<List<Suggestion>> SuggestAsync(string typed, int size) => Task.FromResult(suggester!.Suggest(typed, size).ToList());

    /// <summary>
    /// The search, opened first when this is its first call (searches that outlived their lifetime are ended then). A
    /// search this activation does not hold fails as the copy's unavailability does, so that the search is tried again.
    /// </summary>
    private async ValueTask<IShard> OpenedAsync(ShardSearch search)
    {
        if (!search.Opens)
        {
            return searches.TryGetValue(search.Id, out var open)
                ? open.Shard
                : throw new OrleansException($"{Copy} holds no search {search.Id}: it was activated since, or the search outlived {options.Value.SearchLifetime}.");
        }
        var now = DateTime.UtcNow;
        foreach (var (id, expired) in searches.Where(s => now - s.Value.Opened > options.Value.SearchLifetime).ToList())
        {
            expired.Shard.Dispose();
            searches.Remove(id);
        }
        var opened = await source!.OpenAsync();
        searches[search.Id] = new OpenSearch(opened, now);
        return opened;
    }

    /// <summary>Catches up on the log's newer changes; PostgreSQL out of reach leaves the shard answering from what it holds, and the next poll tries again.</summary>
    private async Task PollAsync(CancellationToken cancellation)
    {
        try
        {
            await CatchUpAsync(cancellation);
        }
        catch (ArticleLogUnavailableException e)
        {
            LogAnsweringFromWhatItHolds(e);
        }
    }

    /// <summary>
    /// Applies the log's changes after the last version applied, those of this shard's articles, in version order, and
    /// makes them searchable.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellation)
    {
        var log = await articleLog.GetAsync();
        var wrote = false;
        IReadOnlyList<ArticleChange> changes;
        do
        {
            changes = await log.ReadChangesAsync(appliedVersion, ChangesPerRead, cancellation);
            foreach (var change in changes)
            {
                if (router.ShardOf(change.Id) == ShardNumber)
                {
                    if (change.Article is { } article)
                        Index.ReplaceJournaledArticle(article, extractor.Extract(article), change.Version);
                    else
                        Index.DeleteJournaledArticle(change.Id, change.Version);
                    wrote = true;
                }
                appliedVersion = change.Version;
            }
        }
        while (changes.Count == ChangesPerRead);
        Index.HoldJournalUpTo(appliedVersion);
        if (wrote && !Index.WaitUntilSearchable(SearchableWithin))
            logger.LogWarning("Shard {Shard}: changes up to version {Version} not searchable within {Timeout}", ShardNumber, appliedVersion, SearchableWithin);
    }

    private void LogAnsweringFromWhatItHolds(ArticleLogUnavailableException e) =>
        logger.LogWarning(e, "Shard {Shard} answers from version {Version}: the article log is out of reach", ShardNumber, appliedVersion);

    /// <summary>A search a gatherer opened on this shard, and when.</summary>
    private sealed record OpenSearch(IShard Shard, DateTime Opened);
}
