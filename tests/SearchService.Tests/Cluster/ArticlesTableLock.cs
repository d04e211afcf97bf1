using Npgsql;

namespace SearchService.Tests.Cluster;

/// <summary>
/// An exclusive lock on the article log's table, held in a transaction of its own until disposed: every read of the
/// log waits meanwhile (within its statement timeout), so a test can look at what is under way while a read waits.
/// </summary>
public sealed class ArticlesTableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private ArticlesTableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<ArticlesTableLock> TakeAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using (var statement = new NpgsqlCommand("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE", connection, transaction))
                await statement.ExecuteNonQueryAsync();
            return new ArticlesTableLock(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
