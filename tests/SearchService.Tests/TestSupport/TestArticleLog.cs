using SearchService.Benchmarks.Store;
using SearchService.Cluster.Storage;

namespace SearchService.Tests.TestSupport;

/// <summary>An article log on a scratch database of its own (see <see cref="PostgresFactAttribute"/>), dropped when disposed.</summary>
public sealed class TestArticleLog : IAsyncDisposable
{
    private readonly ScratchDatabase database;

    private TestArticleLog(ScratchDatabase database, PostgresArticleLog log)
    {
        this.database = database;
        Log = log;
    }

    public PostgresArticleLog Log { get; }

    /// <summary>The scratch database's connection string, for a second log or an Orleans silo on the same tables.</summary>
    public string ConnectionString => database.ConnectionString;

    public static async Task<TestArticleLog> CreateAsync()
    {
        var database = await ScratchDatabase.CreateAsync(PostgresFactAttribute.ConnectionString!, "searchservice_test");
        try
        {
            return new TestArticleLog(database, await PostgresArticleLog.OpenAsync(new ArticleLogOptions(database.ConnectionString)));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        await database.DisposeAsync();
    }
}
