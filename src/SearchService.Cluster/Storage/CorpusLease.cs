using Npgsql;

namespace SearchService.Cluster.Storage;

/// <summary>
/// The right to read the corpus folder into the article log, held by one node at a time: a PostgreSQL advisory lock
/// of a session, so it ends with the session, also when its node dies (the server sees the connection close).
/// Disposing it gives it up. The same kind of lease, under another key, lets one node at a time percolate alerts.
/// </summary>
public sealed class CorpusLease : IAsyncDisposable
{
    /// <summary>The advisory lock's key ("SEARCHCP"), apart from the schema's.</summary>
    internal const long LockKey = 0x5345_4152_4348_4350;

    private readonly NpgsqlConnection session;
    private readonly long key;

    internal CorpusLease(NpgsqlConnection session, long key) => (this.session, this.key) = (session, key);

    /// <summary>Whether the lease still holds: false once its session has ended (PostgreSQL restarted, the connection broke).</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellation)
    {
        try
        {
            // The lock lives as long as its session: a session that still answers still holds it.
            await using var alive = new NpgsqlCommand("SELECT 1", session);
            await alive.ExecuteScalarAsync(cancellation);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The session goes back to the pool, where it would keep the lock: it is released first (a broken one holds none).
        if (session.FullState == System.Data.ConnectionState.Open)
        {
            try
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", session);
                await release.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // Broken on the way: its session, and the lock with it, ended on the server.
            }
        }
        await session.DisposeAsync();
    }
}
