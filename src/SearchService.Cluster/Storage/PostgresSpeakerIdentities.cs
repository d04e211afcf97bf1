using Npgsql;
using NpgsqlTypes;

namespace SearchService.Cluster.Storage;

/// <summary>
/// The cluster's speaker identity table in PostgreSQL (<c>speaker_identities</c>, <c>Sql/speakers.sql</c>): one row
/// holding the table as Core's <c>SpeakerIdentities.Save</c> writes it, and a version. Writers learn under the row's
/// lock (<see cref="LearnAsync{T}"/>), so two nodes writing at once learn one after the other, each from the table
/// the other left; every change is told on <see cref="Channel"/>.
/// </summary>
public sealed class PostgresSpeakerIdentities(PostgresArticleLog log)
{
    /// <summary>The channel a change of the table is told on, with its version.</summary>
    public const string Channel = "speaker_identities";

    // The state only when it is not the version the caller holds: a writer that wrote the last version reads 8 bytes.
    private const string LockSql = "SELECT version, CASE WHEN version <> @known THEN state END FROM speaker_identities FOR UPDATE";
    private const string ReadSql = "SELECT version, CASE WHEN version <> @known THEN state END FROM speaker_identities";
    private const string WriteSql = "UPDATE speaker_identities SET version = version + 1, state = @state RETURNING version";
    private const string NotifySql = $"SELECT pg_notify('{Channel}', @version::text)";

    /// <summary>
    /// Runs <paramref name="learn"/> on the table under its row's lock and stores the table it gives back, all in one
    /// transaction; returns the version stored and what <paramref name="learn"/> returned.
    /// </summary>
    /// <param name="knownVersion">The version of the table the caller holds; -1: none.</param>
    /// <param name="learn">
    /// Given the stored table (null when it is <paramref name="knownVersion"/>'s: the caller's own is current; empty
    /// when nothing was learnt yet), learns and gives the table to store.
    /// </param>
    public Task<(long Version, T Result)> LearnAsync<T>(long knownVersion, Func<byte[]?, (T Result, byte[] State)> learn, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(learn);
        return log.RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            byte[]? stored;
            await using (var locking = new NpgsqlCommand(LockSql, db))
            {
                locking.Parameters.Add(new NpgsqlParameter<long>("known", knownVersion));
                await using var row = await locking.ExecuteReaderAsync(cancellation);
                if (!await row.ReadAsync(cancellation))
                    throw new InvalidOperationException("The speaker_identities row is missing; speakers.sql makes it at every start.");
                stored = row.IsDBNull(1) ? null : row.GetFieldValue<byte[]>(1);
            }
            var (result, state) = learn(stored);
            long version;
            await using (var write = new NpgsqlCommand(WriteSql, db))
            {
                write.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Bytea) { Value = state });
                version = (long)(await write.ExecuteScalarAsync(cancellation))!;
            }
            await using (var notify = new NpgsqlCommand(NotifySql, db))
            {
                notify.Parameters.Add(new NpgsqlParameter<long>("version", version));
                await notify.ExecuteNonQueryAsync(cancellation);
            }
            await transaction.CommitAsync(cancellation);
            return (version, result);
        }, cancellation);
    }

    /// <summary>The table's version, with the table when it is not <paramref name="knownVersion"/> (-1: read it whatever its version).</summary>
    public Task<(long Version, byte[]? State)> ReadAsync(long knownVersion, CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            await using var read = new NpgsqlCommand(ReadSql, db);
            read.Parameters.Add(new NpgsqlParameter<long>("known", knownVersion));
            await using var row = await read.ExecuteReaderAsync(cancellation);
            if (!await row.ReadAsync(cancellation))
                throw new InvalidOperationException("The speaker_identities row is missing; speakers.sql makes it at every start.");
            return (row.GetInt64(0), row.IsDBNull(1) ? null : row.GetFieldValue<byte[]>(1));
        }, cancellation);
}
