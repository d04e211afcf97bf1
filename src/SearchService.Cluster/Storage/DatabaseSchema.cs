using Npgsql;

namespace SearchService.Cluster.Storage;

/// <summary>
/// The cluster's tables, made at every start from the SQL files in <c>Sql/</c>: the articles and their version counter
/// (<c>articles.sql</c>, written to run any number of times), the alerts (<c>alerts.sql</c>, likewise), the cursors' key (<c>cursors.sql</c>, likewise), the speaker identity table (<c>speakers.sql</c>, likewise), and Orleans' membership tables and queries
/// (<c>Orleans/PostgreSQL-Main.sql</c> and <c>PostgreSQL-Clustering.sql</c> as Orleans ships them), only while their
/// <c>orleansquery</c> table is missing, since they cannot run twice. All in one transaction: a start that fails half
/// way leaves nothing behind.
/// </summary>
public static class DatabaseSchema
{
    // Nodes starting at once take turns: two CREATE TABLE IF NOT EXISTS of one table can still collide.
    private const long SchemaLock = 0x5345_4152_4348; // "SEARCH"

    public static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellation);
        await ExecuteAsync(connection, Script("articles.sql"), cancellation);
        await ExecuteAsync(connection, Script("alerts.sql"), cancellation);
        await ExecuteAsync(connection, Script("cursors.sql"), cancellation);
        await ExecuteAsync(connection, Script("speakers.sql"), cancellation);
        await using (var orleansMissing = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NULL", connection))
        {
            if (await orleansMissing.ExecuteScalarAsync(cancellation) is true)
            {
                await ExecuteAsync(connection, Script("PostgreSQL-Main.sql"), cancellation);
                await ExecuteAsync(connection, Script("PostgreSQL-Clustering.sql"), cancellation);
            }
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
