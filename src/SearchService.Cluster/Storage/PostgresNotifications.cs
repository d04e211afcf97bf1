using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SearchService.Cluster.Storage;

/// <summary>
/// One session of its own LISTENing on a PostgreSQL channel, from <see cref="Start"/> until disposed: each
/// notification's payload goes to the callback as it arrives, on the session's thread. Once the session listens, and
/// after each quiet <see cref="CheckEvery"/>, the check statement runs on it and its value (as text; null for NULL)
/// goes to the callback as a payload would: a change made while nobody listened is not missed, and a server gone without
/// closing the connection is found. A session that breaks, or cannot be opened, is opened again after
/// <see cref="ListenAgainAfter"/>; its users poll meanwhile. Said once in the log when it breaks, and once when it
/// listens again.
/// </summary>
/// <param name="log">Where the session comes from; asked again at each new session (a silo's log may fail to open).</param>
/// <param name="channel">The channel, an identifier.</param>
/// <param name="checkSql">A statement of one value, whose value stands for the state a missed notification would have told.</param>
/// <param name="onNotified">Given each payload; it must not block (it runs on the session's thread).</param>
public sealed class PostgresNotifications(
    Func<Task<PostgresArticleLog>> log, string channel, string checkSql, Action<string?> onNotified, ILogger logger) : IAsyncDisposable
{
    private readonly BackgroundRun listening = new();

    /// <summary>How long the session waits for a notification before it runs the check statement.</summary>
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a broken or refused session the next is opened.</summary>
    public TimeSpan ListenAgainAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Begins listening, unless it began already or the listener is disposed.</summary>
    public void Start() => listening.Start(ListenAgainAsync);

    private async Task ListenAgainAsync(CancellationToken stopping)
    {
        var broken = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(await log(), stopping, () =>
                {
                    if (broken)
                        logger.LogInformation("Listening on PostgreSQL channel {Channel} again", channel);
                    broken = false;
                });
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Said once when it breaks, not every retry while PostgreSQL is out of reach.
                if (!broken)
                    logger.LogWarning("Listening on PostgreSQL channel {Channel} failed, polled meanwhile: {Reason}", channel, e.Message);
                broken = true;
            }
            try
            {
                await Task.Delay(ListenAgainAfter, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Returns only by failing: the session broke, or the listener stops.
    private Task ListenAsync(PostgresArticleLog opened, CancellationToken stopping, Action listened) =>
        opened.RunAsync<bool>(async session =>
        {
            session.Notification += (_, e) => onNotified(e.Payload);
            await using (var listen = new NpgsqlCommand($"LISTEN {channel}", session))
                await listen.ExecuteNonQueryAsync(stopping);
            listened();
            await using var check = new NpgsqlCommand(checkSql, session);
            while (true)
            {
                var value = await check.ExecuteScalarAsync(stopping);
                onNotified(value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture));
                while (await session.WaitAsync(CheckEvery, stopping))
                {
                }
            }
        }, stopping);

    public ValueTask DisposeAsync() => listening.DisposeAsync();
}
