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

    [PostgresFact]
    public async Task A_node_starting_while_another_writes_starts_without_waiting_for_the_write()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var writing = await OpenAsync(store.ConnectionString);
        await using var writer = await BeginWriteAsync(writing);
        await Execute(writing, NewArticleSql);

        var opening = Task.Run(() => PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString)));

        Assert.Same(opening, await Task.WhenAny(opening, Task.Delay(TimeSpan.FromSeconds(10))));
        await (await opening).DisposeAsync();
        await writer.CommitAsync();
    }

    [PostgresFact]
    public async Task A_changed_schema_applied_while_another_node_writes_is_applied_and_the_write_commits()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var writing = await OpenAsync(store.ConnectionString);
        await Execute(writing, "UPDATE schema_applied SET digest = 'an older build'");
        await using var writer = await BeginWriteAsync(writing);

        // The change takes its locks while the write holds the version counter; the write then wants the articles table
        // the change holds, and PostgreSQL rolls the change back as the deadlock's victim.
        var opening = Task.Run(() => PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString)));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await Execute(writing, NewArticleSql);
        await writer.CommitAsync();

        await (await opening).DisposeAsync();
        await using var check = await OpenAsync(store.ConnectionString);
        await using var digest = new NpgsqlCommand("SELECT digest FROM schema_applied", check);
        Assert.Equal(DatabaseSchema.Digest, await digest.ExecuteScalarAsync());
        await using var count = new NpgsqlCommand("SELECT count(*) FROM articles WHERE id = 'written-meanwhile'", check);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    // The statements of a delete or put in the order the log runs them: the version counter first, then the article.
    private const string NewArticleSql =
        "INSERT INTO articles (id, version, document) SELECT 'written-meanwhile', last_version, NULL FROM article_version_counter";

    private static async Task<NpgsqlTransaction> BeginWriteAsync(NpgsqlConnection connection)
    {
        var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "UPDATE article_version_counter SET last_version = last_version + 1");
        return transaction;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
