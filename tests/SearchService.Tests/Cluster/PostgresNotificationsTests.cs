using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using SearchService.Cluster.Storage;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>The one listener every cluster user of PostgreSQL's notifications goes through: delivery, reconnection, disposal.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class PostgresNotificationsTests
{
    private const string ChannelName = "listener_test";

    // Its text finds the listener's session in pg_stat_activity; its value tells the test the session listens.
    private const string CheckSql = "SELECT 'listening'";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_notification_reaches_the_callback_with_its_payload()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var told = Channel.CreateUnbounded<string?>();
        await using var listener = await ListeningAsync(store, told);

        await NotifyAsync(store, "first");

        Assert.Equal("first", await NextAsync(told));
    }

    [PostgresFact]
    public async Task After_the_server_ends_its_session_it_listens_again_and_later_notifications_arrive()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var told = Channel.CreateUnbounded<string?>();
        await using var listener = await ListeningAsync(store, told);

        await using (var db = new NpgsqlConnection(store.ConnectionString))
        {
            await db.OpenAsync();
            await using var end = new NpgsqlCommand(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = @check) ended", db);
            end.Parameters.AddWithValue("check", CheckSql);
            Assert.Equal(1L, await end.ExecuteScalarAsync());
        }
        Assert.Equal("listening", await NextAsync(told));
        await NotifyAsync(store, "after");

        Assert.Equal("after", await NextAsync(told));
    }

    [PostgresFact]
    public async Task Disposing_it_while_it_waits_returns_promptly_and_nothing_is_told_after()
    {
        await using var store = await TestArticleLog.CreateAsync();
        var told = Channel.CreateUnbounded<string?>();
        var listener = await ListeningAsync(store, told);

        var clock = Stopwatch.StartNew();
        await listener.DisposeAsync().AsTask().WaitAsync(Patience);
        clock.Stop();
        // A second listener is the sign that the server told the notification.
        var witnessTold = Channel.CreateUnbounded<string?>();
        await using var witness = await ListeningAsync(store, witnessTold);
        await NotifyAsync(store, "after dispose");
        Assert.Equal("after dispose", await NextAsync(witnessTold));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Disposing took {clock.Elapsed}.");
        Assert.False(told.Reader.TryRead(out var late), $"Told after disposal: {late}");
    }

    private static PostgresNotifications Listener(TestArticleLog store, Channel<string?> told) =>
        new(() => Task.FromResult(store.Log), ChannelName, CheckSql, payload => told.Writer.TryWrite(payload),
            new RecordingLogger<PostgresNotificationsTests>())
        {
            // Checks would tell "listening" again; an hour keeps them out of the test.
            CheckEvery = TimeSpan.FromHours(1),
            ListenAgainAfter = TimeSpan.FromMilliseconds(100),
        };

    /// <summary>A listener started and seen listening (its check statement's value told).</summary>
    private static async Task<PostgresNotifications> ListeningAsync(TestArticleLog store, Channel<string?> told)
    {
        var listener = Listener(store, told);
        try
        {
            listener.Start();
            Assert.Equal("listening", await NextAsync(told));
            return listener;
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
    }

    private static async Task<string?> NextAsync(Channel<string?> told)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await told.Reader.ReadAsync(patience.Token);
    }

    private static async Task NotifyAsync(TestArticleLog store, string payload)
    {
        await using var db = new NpgsqlConnection(store.ConnectionString);
        await db.OpenAsync();
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{ChannelName}', @payload)", db);
        notify.Parameters.AddWithValue("payload", payload);
        await notify.ExecuteScalarAsync();
    }
}
