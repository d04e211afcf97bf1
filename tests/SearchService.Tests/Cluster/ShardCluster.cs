using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.TestingHost;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.Facets;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// In-process silos (Orleans' TestCluster, on its own membership: the primary silo holds the table) holding shard
/// grains over an article log on a scratch database, their folders under a temporary root, and a sharded searcher
/// over the grains through the cluster's client.
/// </summary>
public sealed class ShardCluster : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestArticleLog log;
    private readonly TempDirectory root;

    private readonly Synonyms? synonyms;

    private ShardCluster(TestArticleLog log, TempDirectory root, TestCluster cluster, int shards, int replicas, Synonyms? synonyms)
    {
        this.log = log;
        this.root = root;
        this.synonyms = synonyms;
        Cluster = cluster;
        Shards = shards;
        Replicas = replicas;
        Searcher = NewSearcher();
    }

    public TestCluster Cluster { get; }

    public int Shards { get; }

    /// <summary>Copies of each shard.</summary>
    public int Replicas { get; }

    public PostgresArticleLog Log => log.Log;

    /// <summary>The scratch database's connection string.</summary>
    public string ConnectionString => log.ConnectionString;

    /// <summary>The folder under which every silo keeps its shard copies' folders.</summary>
    public string Root => root.Path;

    public ShardedSearcher Searcher { get; }

    /// <summary>A sharded searcher of its own over the grains: it has seen no copy fail, and asks the copies in turn from the first.</summary>
    public ShardedSearcher NewSearcher() => new(GrainShardSource.All(Cluster.Client, Shards, replicas: Replicas), IndexSchema.CreateAnalyzer(), synonyms);

    /// <summary>The folder under <see cref="Root"/> where <paramref name="silo"/> keeps its copies' folders.</summary>
    public string SiloFolder(SiloAddress silo) => Path.Combine(Root, $"{silo.Endpoint.Address}_{silo.Endpoint.Port}");

    /// <param name="siloArticleLog">The connection string the silos read the article log with; null: the scratch database's.</param>
    /// <param name="secondarySiloArticleLog">Given the scratch database's connection string, the one the secondary silos read the log with; null: the same as the primary's.</param>
    /// <param name="pollInterval">How often the copies read the log when no commit is notified; null: the default.</param>
    /// <param name="queryBudget">How long a search may run on a copy; null: the default.</param>
    /// <param name="synonymsPath">The synonyms file the silos and the searchers parse with, as a node's <c>Search:SynonymsPath</c>; null: the shipped list.</param>
    /// <param name="speakerIdentities">Whether the silos keep the cluster's speaker identity table, as a node's <c>Search:SpeakerIdentities</c>.</param>
    /// <param name="configure">Further settings of the test cluster (its silos' and client's configurators); null: none.</param>
    public static async Task<ShardCluster> StartAsync(
        int silos, int shards, int replicas = 2, string? siloArticleLog = null, TimeSpan? pollInterval = null, TimeSpan? queryBudget = null,
        string? synonymsPath = null, bool speakerIdentities = true, Func<string, string>? secondarySiloArticleLog = null,
        Action<TestClusterBuilder>? configure = null)
    {
        var log = await TestArticleLog.CreateAsync();
        var root = new TempDirectory();
        try
        {
            var builder = new TestClusterBuilder((short)silos);
            builder.Options.ConfigureFileLogging = false;
            builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ShardSiloConfigurator.ConnectionString] = siloArticleLog ?? log.ConnectionString,
                [ShardSiloConfigurator.SecondaryConnectionString] = secondarySiloArticleLog?.Invoke(log.ConnectionString),
                [ShardSiloConfigurator.Root] = root.Path,
                [ShardSiloConfigurator.Shards] = shards.ToString(CultureInfo.InvariantCulture),
                [ShardSiloConfigurator.Replicas] = replicas.ToString(CultureInfo.InvariantCulture),
                [ShardSiloConfigurator.PollInterval] = pollInterval?.ToString("c", CultureInfo.InvariantCulture),
                [ShardSiloConfigurator.QueryBudget] = queryBudget?.ToString("c", CultureInfo.InvariantCulture),
                [ShardSiloConfigurator.SynonymsPath] = synonymsPath,
                [ShardSiloConfigurator.SpeakerIdentities] = speakerIdentities.ToString(),
            }));
            builder.AddSiloBuilderConfigurator<ShardSiloConfigurator>();
            builder.AddClientBuilderConfigurator<ShardClientConfigurator>();
            configure?.Invoke(builder);
            var cluster = builder.Build();
            await cluster.DeployAsync();
            return new ShardCluster(log, root, cluster, shards, replicas, synonymsPath is null ? null : Synonyms.Load(synonymsPath));
        }
        catch
        {
            root.Dispose();
            await log.DisposeAsync();
            throw;
        }
    }

    /// <summary>The seed article and the first <paramref name="count"/> Reuters articles.</summary>
    public static List<Article> SeedAndReuters(int count)
    {
        using var file = File.OpenRead(ReutersCorpus.Path!);
        return [SeedArticle.Article, .. JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(count)];
    }

    /// <summary>Runs a statement on the log's database, as an operator or an older version of the service would.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(log.ConnectionString, sql);

    /// <summary>Runs a statement on the database of <paramref name="connectionString"/>, as an operator or an older version of the service would.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var statement = new NpgsqlCommand(sql, db);
        await statement.ExecuteNonQueryAsync();
    }

    /// <summary>Locks the article log's table until disposed: every read of the log waits meanwhile.</summary>
    public Task<ArticlesTableLock> LockArticlesAsync() => ArticlesTableLock.TakeAsync(log.ConnectionString);

    /// <summary>Every copy's status, activating those not active (which answer once caught up with the log).</summary>
    /// <param name="patience">How long a copy may take to answer; null: a minute.</param>
    public Task<IReadOnlyList<ShardStatus>> StatusesAsync(TimeSpan? patience = null) =>
        GrainShardSource.StatusesAsync(Cluster.Client, Shards, Replicas, patience ?? Patience);

    /// <summary>Asks every copy of every shard to rebuild itself from the log; returns what each answered.</summary>
    public async Task<bool[]> RebuildAllAsync() =>
        await Task.WhenAll(ShardCopy.All(Shards, Replicas).Select(copy => Cluster.Client.GetGrain<IShardGrain>(copy.Key).RebuildAsync()));

    /// <summary>The secondary silo holding the most copies (the primary holds the test cluster's membership table).</summary>
    public async Task<SiloHandle> BusiestSecondaryAsync()
    {
        var statuses = await StatusesAsync();
        return Cluster.SecondarySilos.MaxBy(s => statuses.Count(copy => copy.Silo == s.SiloAddress.ToString()))!;
    }

    /// <summary>Waits until every copy of every shard has applied the log up to <paramref name="version"/>; returns how long that took.</summary>
    /// <param name="patience">How long that may take; null: a minute.</param>
    public async Task<TimeSpan> WaitUntilAppliedAsync(long version, TimeSpan? patience = null)
    {
        patience ??= Patience;
        var clock = Stopwatch.StartNew();
        while ((await StatusesAsync(patience)).Any(s => s.AppliedVersion < version))
        {
            Assert.True(clock.Elapsed < patience, $"The shards did not apply version {version} within {patience}");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await log.DisposeAsync();
        root.Dispose();
    }
}
