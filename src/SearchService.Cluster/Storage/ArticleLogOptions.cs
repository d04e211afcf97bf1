namespace SearchService.Cluster.Storage;

/// <summary>Where the article log's PostgreSQL database is, and how long a call waits for it before giving up.</summary>
/// <param name="ConnectionString">An Npgsql connection string (<c>Host=127.0.0.1;Port=5432;Username=...;Database=...</c>).</param>
public sealed record ArticleLogOptions(string ConnectionString)
{
    /// <summary>How long opening a connection may take, waiting for a free one in the pool included.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one statement may run before it is cancelled.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
