using Npgsql;
using NpgsqlTypes;

namespace SearchService.Cluster.Storage;

/// <summary>
/// A document every node of the cluster shares, kept in a one-row table of PostgreSQL (<c>singleton</c>,
/// <c>version</c>, <c>state</c>): the speaker identity table (<c>Sql/speakers.sql</c>) and the scoped search keys
/// (<c>Sql/keys.sql</c>). Changes are made under the row's lock (<see cref="ChangeAsync{T}"/>), so two nodes changing
/// it at once change it one after the other, each from the state the other stored; every change is told on the channel
/// named as the table, with its version (<see cref="SharedRowFollower"/> listens).
/// </summary>
public sealed class PostgresSharedRow
{
    /// <summary>The cluster's speaker identity table, as Core's <c>SpeakerIdentities.Save</c> writes it.</summary>
    public const string SpeakerIdentitiesTable = "speaker_identities";

    /// <summary>The scoped search keys issued and the signed ones revoked, as JSON.</summary>
    public const string ScopedKeysTable = "scoped_keys";

    private readonly PostgresArticleLog log;
    // The state only when it is not the version the caller holds: a writer that wrote the last version reads 8 bytes.
    private readonly string lockSql;
    private readonly string readSql;
    private readonly string writeSql;
    private readonly string notifySql;

    /// <param name="table">One of this class's table constants (an identifier, never a caller's text).</param>
    public PostgresSharedRow(PostgresArticleLog log, string table)
    {
        if (table is not (SpeakerIdentitiesTable or ScopedKeysTable))
            throw new ArgumentException($"No shared row is kept in '{table}'.", nameof(table));
        this.log = log;
        Table = table;
        lockSql = $"SELECT version, CASE WHEN version <> @known THEN state END FROM {table} FOR UPDATE";
        readSql = $"SELECT version, CASE WHEN version <> @known THEN state END FROM {table}";
        writeSql = $"UPDATE {table} SET version = version + 1, state = @state RETURNING version";
        notifySql = $"SELECT pg_notify('{table}', @version::text)";
    }

    /// <summary>The table, which is also the channel its changes are told on.</summary>
    public string Table { get; }

    /// <summary>
    /// Runs <paramref name="change"/> on the stored state under its row's lock and stores the state it gives back, all in
    /// one transaction; returns the version stored and what <paramref name="change"/> returned.
    /// </summary>
    /// <param name="knownVersion">The version of the state the caller holds; -1: none.</param>
    /// <param name="change">
    /// Given the stored state (null when it is <paramref name="knownVersion"/>'s: the caller's own is current; empty when
    /// nothing was stored yet), gives the state to store, or null to store nothing (the version stays).
    /// </param>
    public Task<(long Version, T Result)> ChangeAsync<T>(long knownVersion, Func<byte[]?, (T Result, byte[]? State)> change, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(change);
        return log.RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            byte[]? stored;
            long version;
            await using (var locking = new NpgsqlCommand(lockSql, db))
            {
                locking.Parameters.Add(new NpgsqlParameter<long>("known", knownVersion));
                await using var row = await locking.ExecuteReaderAsync(cancellation);
                if (!await row.ReadAsync(cancellation))
                    throw Missing();
                version = row.GetInt64(0);
                stored = row.IsDBNull(1) ? null : row.GetFieldValue<byte[]>(1);
            }
            var (result, state) = change(stored);
            if (state is null)
                return (version, result);
            await using (var write = new NpgsqlCommand(writeSql, db))
            {
                write.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Bytea) { Value = state });
                version = (long)(await write.ExecuteScalarAsync(cancellation))!;
            }
            await using (var notify = new NpgsqlCommand(notifySql, db))
            {
                notify.Parameters.Add(new NpgsqlParameter<long>("version", version));
                await notify.ExecuteNonQueryAsync(cancellation);
            }
            await transaction.CommitAsync(cancellation);
            return (version, result);
        }, cancellation);
    }

    /// <summary>The row's version, with its state when it is not <paramref name="knownVersion"/> (-1: read it whatever its version).</summary>
    public Task<(long Version, byte[]? State)> ReadAsync(long knownVersion, CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            await using var read = new NpgsqlCommand(readSql, db);
            read.Parameters.Add(new NpgsqlParameter<long>("known", knownVersion));
            await using var row = await read.ExecuteReaderAsync(cancellation);
            if (!await row.ReadAsync(cancellation))
                throw Missing();
            return (row.GetInt64(0), row.IsDBNull(1) ? null : row.GetFieldValue<byte[]>(1));
        }, cancellation);

    private InvalidOperationException Missing() => new($"The {Table} row is missing; the schema makes it at every start.");
}
