using Npgsql;
using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>The schema is made at every start and only where something is missing: articles and Orleans' tables survive restarts.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class DatabaseSchemaTests
{
    [PostgresFact]
    public async Task Opening_the_log_again_keeps_its_articles_and_versions()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var version = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1"));

        await using var reopened = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString));

        Assert.Equal([(version, "reuters-1")], (await reopened.ReadChangesAsync(0, 10)).Select(c => (c.Version, c.Id)));
        Assert.Equal(version + 1, await reopened.PutAsync(NewsArticles.Cocoa("reuters-2")));
    }

    [PostgresFact]
    public async Task Orleans_membership_tables_and_queries_are_made_once()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var queries = await OrleansQueryKeys(store.ConnectionString);

        await (await PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString))).DisposeAsync();

        Assert.Contains("InsertMembershipKey", queries);
        Assert.Contains("MembershipReadAllKey", queries);
        Assert.Equal(queries, await OrleansQueryKeys(store.ConnectionString));
    }

    [PostgresFact]
    public async Task Nodes_opening_one_new_database_at_once_all_start()
    {
        await using var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_test");

        var logs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString)))));

        foreach (var log in logs)
        {
            Assert.Equal(0, await log.CurrentVersionAsync());
            await log.DisposeAsync();
        }
    }

    private static async Task<List<string>> OrleansQueryKeys(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery ORDER BY querykey", connection);
        await using var rows = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await rows.ReadAsync())
            keys.Add(rows.GetString(0));
        return keys;
    }
}
