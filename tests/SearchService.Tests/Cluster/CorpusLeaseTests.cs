using Npgsql;
using SearchService.Cluster.Storage;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Two nodes watching one corpus folder do not fight: the corpus lease (a PostgreSQL advisory lock of a session) is
/// held by one node at a time, and passes to another when its holder gives it up or its session ends (the node died).
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class CorpusLeaseTests
{
    [PostgresFact]
    public async Task Only_one_node_holds_the_corpus_lease_at_a_time()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var otherNode = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString));

        await using var held = await store.Log.TryTakeCorpusLeaseAsync();
        var refused = await otherNode.TryTakeCorpusLeaseAsync();

        Assert.NotNull(held);
        Assert.Null(refused);
    }

    [PostgresFact]
    public async Task The_corpus_lease_passes_to_another_node_once_its_holder_gives_it_up()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var otherNode = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString));
        var held = await store.Log.TryTakeCorpusLeaseAsync();

        await held!.DisposeAsync();
        await using var taken = await otherNode.TryTakeCorpusLeaseAsync();

        Assert.NotNull(taken);
    }

    [PostgresFact]
    public async Task The_corpus_lease_passes_to_another_node_when_its_holders_session_ends()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var otherNode = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString));
        await using var held = await store.Log.TryTakeCorpusLeaseAsync();

        // What PostgreSQL does when the holder's process dies: its session ends, and the lock with it (waited for, up to 5 s).
        await using (var admin = new NpgsqlConnection(store.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_locks " +
                "WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", admin);
            await terminate.ExecuteNonQueryAsync();
        }
        await using var taken = await otherNode.TryTakeCorpusLeaseAsync();

        Assert.NotNull(taken);
        Assert.False(await held!.IsHeldAsync(CancellationToken.None));
    }
}
