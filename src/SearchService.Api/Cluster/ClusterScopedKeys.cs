using SearchService.Api.Security;
using SearchService.Cluster.Shards;
using SearchService.Cluster.Storage;

namespace SearchService.Api.Cluster;

/// <summary>
/// The cluster's scoped keys, kept in PostgreSQL (<c>scoped_keys</c>, a <see cref="PostgresSharedRow"/>) where a
/// single process keeps <c>search-keys.json</c>: a key issued through one node works through every other, and a key
/// revoked through one is refused by every other within moments (told on the row's channel; checked every second
/// without a notice). Read at the node's start (<see cref="ClusterNodeStartup"/>), before it takes requests; presented
/// keys are checked against the node's copy, so PostgreSQL out of reach leaves them checked against the keys read last,
/// while issuing and revoking answer 503 naming it.
/// </summary>
public sealed class ClusterScopedKeys(SiloArticleLog articleLog, ILogger<ClusterScopedKeys> logger) : IScopedKeyStorage, IAsyncDisposable
{
    private readonly Lock gate = new();
    private ScopedKeyFile? current;
    private long version = -1;
    private SharedRowFollower? following;

    /// <exception cref="InvalidOperationException">Asked for before the node's start read the keys.</exception>
    public ScopedKeyFile Current
    {
        get
        {
            lock (gate)
                return current ?? throw new InvalidOperationException("The cluster's scoped keys are read at the node's start, before it takes requests.");
        }
    }

    private long Version
    {
        get
        {
            lock (gate)
                return version;
        }
    }

    /// <summary>Reads the keys and follows their changes from then on.</summary>
    /// <exception cref="ArticleLogUnavailableException">PostgreSQL cannot be reached.</exception>
    public async Task ReadAsync(PostgresArticleLog log, CancellationToken cancellation)
    {
        var (read, state) = await new PostgresSharedRow(log, PostgresSharedRow.ScopedKeysTable).ReadAsync(Version, cancellation);
        if (state is not null)
            Publish(read, state);
        lock (gate)
            following ??= new SharedRowFollower(articleLog.GetAsync, PostgresSharedRow.ScopedKeysTable, () => Version, Publish, "The scoped keys", logger);
        following.Start();
    }

    /// <exception cref="ArticleLogUnavailableException">PostgreSQL cannot be reached: nothing changed.</exception>
    public async Task ChangeAsync(Func<ScopedKeyFile, ScopedKeyFile?> change, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = new PostgresSharedRow(await articleLog.GetAsync(), PostgresSharedRow.ScopedKeysTable);
        // Always from the stored state: the keys of another node's change not yet told here are kept.
        var (stored, state) = await row.ChangeAsync<byte[]?>(-1, before =>
        {
            var changed = change(ScopedKeyFile.Read(before, PostgresSharedRow.ScopedKeysTable))?.ToJson();
            return (changed, changed);
        }, cancellation);
        if (state is not null)
            Publish(stored, state);
    }

    // The keys of version, unless a later one is there already.
    private void Publish(long read, byte[] state)
    {
        var keys = ScopedKeyFile.Read(state, PostgresSharedRow.ScopedKeysTable);
        lock (gate)
        {
            if (read <= version)
                return;
            current = keys;
            version = read;
        }
    }

    // Registered as itself and as the storage, so disposed twice: the second time finds nothing to stop.
    public ValueTask DisposeAsync()
    {
        SharedRowFollower? stopping;
        lock (gate)
            (stopping, following) = (following, null);
        return stopping?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
