using SearchService.Cluster.Storage;

namespace SearchService.Cluster.Shards;

/// <summary>The article log of one silo, opened on first use and shared by every shard the silo holds (one connection pool).</summary>
public sealed class SiloArticleLog(ArticleLogOptions options) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private Task<PostgresArticleLog>? opening;

    /// <summary>The log; when opening it failed (PostgreSQL out of reach), the next call tries again.</summary>
    public Task<PostgresArticleLog> GetAsync()
    {
        lock (gate)
        {
            if (opening is null || opening.IsFaulted || opening.IsCanceled)
                opening = PostgresArticleLog.OpenAsync(options);
            return opening;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (opening is { IsCompletedSuccessfully: true } opened)
            await opened.Result.DisposeAsync();
    }
}
