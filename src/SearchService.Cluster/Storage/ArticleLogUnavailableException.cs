using Npgsql;

namespace SearchService.Cluster.Storage;

/// <summary>
/// PostgreSQL could not serve the article log: it is down or unreachable, did not answer within the timeouts, is out
/// of connections, or refused the database or the credentials. The message names the server and the cause. A write
/// that ends with this may or may not have been committed (the connection can break during the commit): writing it
/// again is safe, a put only takes a newer version.
/// </summary>
/// <param name="server">Host, port and database.</param>
/// <param name="during">What the log was doing, with its timeout ("while connecting (timeout 5 s)").</param>
public sealed class ArticleLogUnavailableException(string server, string during, NpgsqlException cause)
    : Exception($"PostgreSQL at {server} is unavailable {during}: {Describe(cause)}", cause)
{
    // The driver's messages from the outermost in, each once: "Failed to connect to 127.0.0.1:5432. Connection refused."
    private static string Describe(Exception cause)
    {
        var messages = new List<string>();
        for (Exception? e = cause; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim().TrimEnd('.');
            if (!messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
                messages.Add(message);
        }
        return string.Join(". ", messages) + ".";
    }
}
