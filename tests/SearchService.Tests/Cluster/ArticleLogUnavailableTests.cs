using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using SearchService.Cluster.Storage;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// PostgreSQL out of reach ends a call of the article log with <see cref="ArticleLogUnavailableException"/>, naming the
/// server and the cause, within the timeouts: never a hang, never a raw driver error.
/// </summary>
public sealed class ArticleLogUnavailableTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_closed_port_is_unavailable_naming_the_server_and_the_refusal()
    {
        var port = LoopbackPort.Free();

        var unavailable = await Assert.ThrowsAsync<ArticleLogUnavailableException>(() =>
            PostgresArticleLog.OpenAsync(new ArticleLogOptions($"Host=127.0.0.1;Port={port};Username=postgres;Database=searchservice")));

        Assert.Equal(
            $"PostgreSQL at 127.0.0.1:{port}, database searchservice is unavailable while connecting (timeout 5 s): Failed to connect to 127.0.0.1:{port}. Connection refused.",
            unavailable.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_unavailable_after_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var clock = Stopwatch.StartNew();

        var unavailable = await Assert.ThrowsAsync<ArticleLogUnavailableException>(() => PostgresArticleLog.OpenAsync(
            new ArticleLogOptions($"Host=127.0.0.1;Port={port};Username=postgres;Database=searchservice") { ConnectTimeout = TimeSpan.FromSeconds(1) }));

        Assert.True(clock.Elapsed < Bound, $"gave up after {clock.Elapsed}");
        // The driver words the cause by where the second ran out ("The operation has timed out.", "Exception while
        // reading from stream. Timeout during reading attempt.", and others on a loaded machine): the test holds the
        // server, the phase and the timeout, and that a cause follows.
        Assert.Matches(
            $@"^PostgreSQL at 127\.0\.0\.1:{port}, database searchservice is unavailable while connecting \(timeout 1 s\): \S.*",
            unavailable.Message);
    }

    [PostgresFact]
    [Trait(SlowTests.Trait, SlowTests.Value)]
    public async Task Connections_PostgreSQL_ended_fail_one_call_and_the_next_call_reconnects()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await store.Log.PutAsync(NewsArticles.Cocoa("reuters-1"));
        // What a server restart does to the log's pooled connection.
        await using (var admin = new NpgsqlConnection(store.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            await terminate.ExecuteNonQueryAsync();
        }

        var unavailable = await Assert.ThrowsAsync<ArticleLogUnavailableException>(() => store.Log.PutAsync(NewsArticles.Cocoa("reuters-2")));
        var version = await store.Log.PutAsync(NewsArticles.Cocoa("reuters-2"));

        Assert.Contains("terminating connection due to administrator command", unavailable.Message, StringComparison.Ordinal);
        Assert.Equal(["reuters-1", "reuters-2"], (await store.Log.ReadChangesAsync(0, 10)).Select(c => c.Id));
        Assert.Equal(version, await store.Log.CurrentVersionAsync());
    }

    [PostgresFact]
    [Trait(SlowTests.Trait, SlowTests.Value)]
    public async Task A_write_stuck_longer_than_the_command_timeout_is_unavailable()
    {
        await using var store = await TestArticleLog.CreateAsync();
        await using var log = await PostgresArticleLog.OpenAsync(new ArticleLogOptions(store.ConnectionString) { CommandTimeout = TimeSpan.FromSeconds(1) });
        // Another session holds the version counter, as a transaction that never ends would.
        await using var blocker = new NpgsqlConnection(store.ConnectionString);
        await blocker.OpenAsync();
        await using var held = await blocker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("UPDATE article_version_counter SET last_version = last_version", blocker))
            await hold.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();

        var unavailable = await Assert.ThrowsAsync<ArticleLogUnavailableException>(() => log.PutAsync(NewsArticles.Cocoa("reuters-1")));

        Assert.True(clock.Elapsed < Bound, $"gave up after {clock.Elapsed}");
        Assert.EndsWith("is unavailable during a statement (timeout 1 s): Exception while reading from stream. Timeout during reading attempt.", unavailable.Message, StringComparison.Ordinal);
    }
}
