using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SearchService.Cluster.Storage;

/// <summary>
/// The cluster's tables, made from the SQL files in <c>Sql/</c>: the articles and their version counter
/// (<c>articles.sql</c>, written to run any number of times), the alerts (<c>alerts.sql</c>, likewise), the cursors' key (<c>cursors.sql</c>, likewise), the speaker identity table (<c>speakers.sql</c>, likewise), the scoped search keys (<c>keys.sql</c>, likewise), the search analytics (<c>analytics.sql</c>, likewise), and Orleans' membership tables and queries
/// (<c>Orleans/PostgreSQL-Main.sql</c> and <c>PostgreSQL-Clustering.sql</c> as Orleans ships them), only while their
/// <c>orleansquery</c> table is missing, since they cannot run twice. All in one transaction: a start that fails half
/// way leaves nothing behind.
/// </summary>
/// <remarks>
/// The scripts run only when their digest differs from the one the database last recorded: their statements take
/// table locks (<c>ALTER TABLE articles</c> takes the strongest), and a node starting while another writes would
/// otherwise wait for that write's locks while holding its own, which PostgreSQL ends as a deadlock.
/// </remarks>
public static class DatabaseSchema
{
    // Nodes starting at once take turns: two CREATE TABLE IF NOT EXISTS of one table can still collide.
    private const long SchemaLock = 0x5345_4152_4348; // "SEARCH"

    // A schema change applied while another node writes can still deadlock with that write; PostgreSQL rolls one of
    // the two back (usually the change, which waited first), and the change is tried again.
    private const int Attempts = 3;

    private static readonly string[] Scripts = ["articles.sql", "alerts.sql", "cursors.sql", "speakers.sql", "keys.sql", "analytics.sql"];

    /// <summary>The digest of the scripts this build applies, as <c>schema_applied</c> records it once applied.</summary>
    public static string Digest { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Concat(Scripts.Select(name => name + "\n" + Script(name) + "\n")))));

    public static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(connection, cancellation);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < Attempts)
            {
            }
        }
    }

    private static async Task ApplyOnceAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellation);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_applied
            (
                singleton boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
                digest text NOT NULL
            )
            """, cancellation);
        await using (var applied = new NpgsqlCommand("SELECT digest FROM schema_applied", connection))
        {
            if (await applied.ExecuteScalarAsync(cancellation) is string digest && digest == Digest)
            {
                await transaction.CommitAsync(cancellation);
                return;
            }
        }
        foreach (var name in Scripts)
            await ExecuteAsync(connection, Script(name), cancellation);
        await using (var orleansMissing = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NULL", connection))
        {
            if (await orleansMissing.ExecuteScalarAsync(cancellation) is true)
            {
                await ExecuteAsync(connection, Script("PostgreSQL-Main.sql"), cancellation);
                await ExecuteAsync(connection, Script("PostgreSQL-Clustering.sql"), cancellation);
            }
        }
        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_applied (digest) VALUES (@digest) ON CONFLICT (singleton) DO UPDATE SET digest = excluded.digest", connection))
        {
            record.Parameters.AddWithValue("digest", Digest);
            await record.ExecuteNonQueryAsync(cancellation);
        }
        await transaction.CommitAsync(cancellation);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static string Script(string name)
    {
        using var stream = typeof(DatabaseSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema file {name} is not embedded in {typeof(DatabaseSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
