using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Cluster.Speakers;

/// <summary>
/// A node's side of the cluster's one speaker identity table (<see cref="SpeakerIdentities"/>, kept in PostgreSQL as a
/// <see cref="PostgresSharedRow"/>), as a single node keeps its table beside its index.
/// <para>
/// <b>Writing.</b> The node's writers (API and corpus folder) extract facets through <see cref="ExtractAsync"/>: under
/// the table row's lock, the node's copy of the table (read again only when another node wrote since) learns and
/// resolves the articles one by one in the order given, with the single node's extractor and table, and is stored
/// before the articles are written. Writers on two nodes take turns at the lock, so neither loses the other's evidence.
/// Evidence stays learnt when the article write after it fails; the table counts an article id once, so writing it
/// again does not count it twice.
/// </para>
/// <para>
/// <b>Reading.</b> <see cref="Table"/> is one instance for the node's life, which its shard copies search with and its
/// profiles read: it is read again from PostgreSQL when another node's write is told (LISTEN), checked every
/// <see cref="CheckEvery"/> without one, and replaced at once by the node's own writes.
/// </para>
/// With <see cref="ShardGrainOptions.SpeakerIdentities"/> false there is no table: facets are extracted per article.
/// </summary>
public sealed class ClusterSpeakerIdentities : IAsyncDisposable
{
    /// <summary>How often the table's version is read when no change is told, and how soon listening starts again after it broke.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly SiloArticleLog articleLog;
    private readonly IFacetExtractor extractor;
    private readonly NewsFacetExtractor? news;
    private readonly ILogger logger;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Lock gate = new();
    private readonly SpeakerIdentities? table;
    private TaskCompletionSource changed = NewSignal();
    private long readVersion = -1;
    private readonly SharedRowFollower following;
    // The writers' own copy of the table, at learntVersion (-1: read it again at the next write).
    private SpeakerIdentities? learning;
    private long learntVersion = -1;

    public ClusterSpeakerIdentities(SiloArticleLog articleLog, IFacetExtractor extractor, IOptions<ShardGrainOptions> options, ILogger<ClusterSpeakerIdentities> logger)
    {
        this.articleLog = articleLog;
        this.extractor = extractor;
        this.logger = logger;
        news = options.Value.SpeakerIdentities ? extractor as NewsFacetExtractor : null;
        table = news is null ? null : new SpeakerIdentities(news.SpeakerLexicon);
        following = new SharedRowFollower(articleLog.GetAsync, PostgresSharedRow.SpeakerIdentitiesTable, () => Version, Publish,
            "The speaker identity table", logger) { CheckEvery = CheckEvery };
    }

    /// <summary>The cluster's table as this node last read it (empty until first read); null without identities. Reading begins at the first call.</summary>
    public SpeakerIdentities? Table
    {
        get
        {
            if (table is not null)
                following.Start();
            return table;
        }
    }

    /// <summary>The version of the table <see cref="Table"/> holds (-1: not read yet).</summary>
    public long Version
    {
        get
        {
            lock (gate)
                return readVersion;
        }
    }

    /// <summary>Waits until <see cref="Table"/> holds <paramref name="version"/> or a later one; false when it did not within <paramref name="patience"/>.</summary>
    public async Task<bool> ReachedAsync(long version, TimeSpan patience)
    {
        _ = Table;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (readVersion >= version)
                    return true;
                next = changed.Task;
            }
            var left = patience - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                return false;
            try
            {
                await next.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The articles' facets, speakers resolved with the cluster's table, which learns from them first (in their order)
    /// and is stored in PostgreSQL before this returns.
    /// </summary>
    /// <exception cref="ArticleLogUnavailableException">PostgreSQL is out of reach: nothing was learnt.</exception>
    public async Task<IReadOnlyList<FacetedArticle>> ExtractAsync(IReadOnlyList<Article> articles, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (news is null || articles.Count == 0)
            return articles.Select(a => new FacetedArticle(a, extractor.Extract(a))).ToList();
        await writing.WaitAsync(cancellation);
        try
        {
            var store = new PostgresSharedRow(await articleLog.GetAsync(), PostgresSharedRow.SpeakerIdentitiesTable);
            var (version, (faceted, state)) = await store.ChangeAsync(learntVersion, stored =>
            {
                if (stored is not null)
                    learning = Loaded(stored, news.SpeakerLexicon);
                var resolving = news.WithSpeakerIdentities(learning!);
                var faceted = articles.Select(a => new FacetedArticle(a, resolving.Extract(a))).ToList();
                using var saved = new MemoryStream();
                learning!.Save(saved);
                var state = saved.ToArray();
                return ((faceted, state), state);
            }, cancellation);
            learntVersion = version;
            Publish(version, state);
            return faceted;
        }
        catch
        {
            // What the copy learnt may not be stored: the next write reads the table again.
            learning = null;
            learntVersion = -1;
            throw;
        }
        finally
        {
            writing.Release();
        }
    }

    /// <inheritdoc cref="ExtractAsync(IReadOnlyList{Article}, CancellationToken)"/>
    public async Task<ArticleFacets> ExtractAsync(Article article, CancellationToken cancellation) =>
        (await ExtractAsync([article], cancellation))[0].Facets;

    /// <summary>
    /// An extractor resolving speakers with a copy of the table as PostgreSQL holds it now, for a rebuild, which resolves
    /// every article again as a single node's does; null without identities. The copy learns nothing new from articles
    /// the table has counted already, and nothing it resolves is stored.
    /// </summary>
    public async Task<IFacetExtractor?> ResolvingAsync(CancellationToken cancellation)
    {
        if (news is null)
            return null;
        var (_, state) = await new PostgresSharedRow(await articleLog.GetAsync(), PostgresSharedRow.SpeakerIdentitiesTable).ReadAsync(-1, cancellation);
        return news.WithSpeakerIdentities(Loaded(state!, news.SpeakerLexicon));
    }

    private static SpeakerIdentities Loaded(byte[] state, SpeakerLexicon lexicon) =>
        state.Length == 0 ? new SpeakerIdentities(lexicon) : SpeakerIdentities.Load(new MemoryStream(state), lexicon);

    // Makes the table of version searches read, unless a later one is there already.
    private void Publish(long version, byte[] state)
    {
        TaskCompletionSource told;
        lock (gate)
        {
            if (version <= readVersion)
                return;
            if (state.Length > 0)
                table!.Replace(new MemoryStream(state));
            readVersion = version;
            told = changed;
            changed = NewSignal();
        }
        told.SetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await following.DisposeAsync();
        writing.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
