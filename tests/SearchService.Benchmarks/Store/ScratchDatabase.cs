using Npgsql;

namespace SearchService.Benchmarks.Store;

/// <summary>
/// A new, empty database on the server a connection string names, dropped with whatever is connected to it when
/// disposed: measurements and tests write into one of their own, never into a developer's.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private ScratchDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The connection string of the scratch database.</summary>
    public string ConnectionString { get; }

    /// <param name="server">A connection string to any database of the server (the scratch one is made beside it).</param>
    /// <param name="prefix">The start of the database's name (a lower-case SQL identifier); a unique suffix follows.</param>
    public static async Task<ScratchDatabase> CreateAsync(string server, string prefix)
    {
        var database = new ScratchDatabase(server, $"{prefix}_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
