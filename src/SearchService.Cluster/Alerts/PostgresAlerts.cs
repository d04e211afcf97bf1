using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SearchService.Cluster.Storage;
using SearchService.Core.Alerts;

namespace SearchService.Cluster.Alerts;

/// <summary>
/// The alerts of a cluster in PostgreSQL (<c>Sql/alerts.sql</c>), on the article log's connections: the saved alerts,
/// how far percolation has followed the log, and the events it made, which every node's event streams read and whose
/// webhook notices wait there until delivered. Changes are told on <see cref="FeedChannel"/>. PostgreSQL out of reach
/// is an <see cref="ArticleLogUnavailableException"/> naming the server and the cause.
/// </summary>
public sealed class PostgresAlerts(PostgresArticleLog log)
{
    /// <summary>The percolation lease's advisory lock key ("SEARCHAL"), apart from the corpus lease's.</summary>
    public const long LeaseKey = 0x5345_4152_4348_414C;

    /// <summary>The events of each alert kept for the streams once no webhook waits for them, as one node keeps in memory.</summary>
    public const int KeptPerAlert = AlertEventStream.RecentPerAlert;

    /// <summary>The notification channel: payload <see cref="AlertsChanged"/> or <see cref="EventsAdded"/>.</summary>
    private const string FeedChannel = "alert_feed";

    public const string AlertsChanged = "alerts";
    public const string EventsAdded = "events";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The article counter row is read FOR SHARE: a write of the log waits until the alert is committed, so every change
    // after after_version is committed after the alert, and percolation, which reads only committed changes, sees the
    // alert before it records any of them (RecordAsync's check).
    private const string AfterVersionSql = "SELECT last_version FROM article_version_counter FOR SHARE";

    private const string AddSql = """
        INSERT INTO alerts (id, created, query, webhook, after_version)
        SELECT @id, @created, @query, @webhook, @after WHERE (SELECT count(*) FROM alerts) < @max
        """;

    private const string SelectAlertsSql = "SELECT id, created, query, webhook, after_version FROM alerts";

    private const string RecordSql = """
        INSERT INTO alert_events (alert_id, event_id, notice, webhook_pending)
        SELECT made.alert_id, made.event_id, made.notice, alerts.webhook IS NOT NULL
        FROM unnest(@alerts, @events, @notices, @versions) WITH ORDINALITY AS made (alert_id, event_id, notice, version, position)
        JOIN alerts ON alerts.id = made.alert_id AND alerts.after_version < made.version
        ORDER BY made.position
        RETURNING seq, alert_id, event_id, notice, webhook_pending, (SELECT webhook FROM alerts WHERE id = alert_id)
        """;

    // Of the alerts just given events, those beyond the last KeptPerAlert that no webhook waits for.
    private const string PruneSql = """
        DELETE FROM alert_events old WHERE old.alert_id = ANY(@alerts) AND NOT old.webhook_pending
        AND old.seq <= (SELECT kept.seq FROM alert_events kept WHERE kept.alert_id = old.alert_id ORDER BY kept.seq DESC OFFSET @kept LIMIT 1)
        """;

    /// <summary>Saves a new alert under a fresh id; it is matched against the changes of the log committed after it.</summary>
    /// <exception cref="AlertLimitException">The cluster holds <paramref name="maxAlerts"/> alerts already.</exception>
    public Task<Alert> AddAsync(SavedQuery query, Uri? webhook, DateTimeOffset now, int maxAlerts, CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            // As timestamptz keeps it (microseconds, UTC), so the answer to the save is what every later read gives.
            var created = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
            var alert = new Alert("a" + RandomNumberGenerator.GetHexString(12, lowercase: true), created, query, webhook);
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            // One at a time, so the limit holds when nodes add at once.
            await ExecuteAsync(db, "LOCK TABLE alerts IN SHARE ROW EXCLUSIVE MODE", cancellation);
            await using var after = new NpgsqlCommand(AfterVersionSql, db);
            var afterVersion = (long)(await after.ExecuteScalarAsync(cancellation))!;
            await using var add = new NpgsqlCommand(AddSql, db);
            add.Parameters.Add(new NpgsqlParameter<string>("id", alert.Id));
            add.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("created", created));
            add.Parameters.Add(new NpgsqlParameter("query", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(query, Json) });
            add.Parameters.Add(new NpgsqlParameter("webhook", NpgsqlDbType.Text) { Value = (object?)webhook?.AbsoluteUri ?? DBNull.Value });
            add.Parameters.Add(new NpgsqlParameter<long>("after", afterVersion));
            add.Parameters.Add(new NpgsqlParameter<long>("max", maxAlerts));
            if (await add.ExecuteNonQueryAsync(cancellation) == 0)
                throw new AlertLimitException(maxAlerts);
            await NotifyAsync(db, AlertsChanged, cancellation);
            await transaction.CommitAsync(cancellation);
            return alert;
        }, cancellation);

    /// <summary>Every alert, oldest first.</summary>
    public async Task<IReadOnlyList<Alert>> AllAsync(CancellationToken cancellation) =>
        (await SavedAsync(cancellation)).Select(s => s.Alert).ToList();

    /// <summary>Every alert, oldest first, each with the log's version when it was saved.</summary>
    public Task<IReadOnlyList<SavedAlert>> SavedAsync(CancellationToken cancellation) =>
        ReadAlertsAsync(SelectAlertsSql + " ORDER BY created, id", null, cancellation);

    public async Task<Alert?> FindAsync(string id, CancellationToken cancellation) =>
        (await ReadAlertsAsync(SelectAlertsSql + " WHERE id = @id", id, cancellation)).SingleOrDefault()?.Alert;

    /// <summary>Deletes an alert with its events; false when there is none with this id.</summary>
    public Task<bool> RemoveAsync(string id, CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            await using var remove = new NpgsqlCommand("DELETE FROM alerts WHERE id = @id", db);
            remove.Parameters.Add(new NpgsqlParameter<string>("id", id));
            if (await remove.ExecuteNonQueryAsync(cancellation) == 0)
                return false;
            await NotifyAsync(db, AlertsChanged, cancellation);
            await transaction.CommitAsync(cancellation);
            return true;
        }, cancellation);

    /// <summary>The version of the article log up to which percolation has recorded its events.</summary>
    public Task<long> PercolatedAsync(CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            await using var read = new NpgsqlCommand("SELECT version FROM alert_percolation", db);
            return (long)(await read.ExecuteScalarAsync(cancellation))!;
        }, cancellation);

    /// <summary>
    /// Records, in one transaction, the events made from the changes after version <paramref name="from"/> up to
    /// <paramref name="to"/> and that percolation got to <paramref name="to"/>: each event with the version of the change
    /// it was made from, kept only when its alert still exists and was saved before that change. Answers the events
    /// recorded whose alert has a webhook, to hand to it; <see cref="PercolationRecord.Superseded"/> when percolation is
    /// no longer at <paramref name="from"/> (another node recorded meanwhile: nothing recorded), and
    /// <see cref="PercolationRecord.AlertsMissed"/> when an alert saved before <paramref name="to"/> is not among
    /// <paramref name="matched"/> (nothing recorded: match again with it).
    /// </summary>
    public Task<PercolationRecord> RecordAsync(long from, long to, IReadOnlyList<(AlertEvent Event, long Version)> events,
        IReadOnlyCollection<string> matched, CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            // First, so a node recording the same versions at once waits here for this one, then finds it superseded.
            await using (var advance = new NpgsqlCommand("UPDATE alert_percolation SET version = @to WHERE version = @from", db))
            {
                advance.Parameters.Add(new NpgsqlParameter<long>("from", from));
                advance.Parameters.Add(new NpgsqlParameter<long>("to", to));
                if (await advance.ExecuteNonQueryAsync(cancellation) == 0)
                    return PercolationRecord.Superseded;
            }
            await using (var missed = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM alerts WHERE after_version < @to AND NOT (id = ANY(@matched)))", db))
            {
                missed.Parameters.Add(new NpgsqlParameter<long>("to", to));
                missed.Parameters.Add(new NpgsqlParameter<string[]>("matched", [.. matched]));
                if (await missed.ExecuteScalarAsync(cancellation) is true)
                    return PercolationRecord.AlertsMissed;
            }
            var webhooks = new List<PendingWebhook>();
            if (events.Count > 0)
            {
                await using (var record = new NpgsqlCommand(RecordSql, db))
                {
                    record.Parameters.Add(new NpgsqlParameter<string[]>("alerts", [.. events.Select(e => e.Event.Notice.AlertId)]));
                    record.Parameters.Add(new NpgsqlParameter<long[]>("events", [.. events.Select(e => e.Event.Id)]));
                    record.Parameters.Add(new NpgsqlParameter("notices", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
                    {
                        Value = events.Select(e => JsonSerializer.Serialize(e.Event.Notice, Json)).ToArray(),
                    });
                    record.Parameters.Add(new NpgsqlParameter<long[]>("versions", [.. events.Select(e => e.Version)]));
                    await using var rows = await record.ExecuteReaderAsync(cancellation);
                    while (await rows.ReadAsync(cancellation))
                    {
                        if (rows.GetBoolean(4))
                            webhooks.Add(new PendingWebhook(new Uri(rows.GetString(5)), ReadEvent(rows, 2)));
                    }
                }
                await using var prune = new NpgsqlCommand(PruneSql, db);
                prune.Parameters.Add(new NpgsqlParameter<string[]>("alerts", [.. events.Select(e => e.Event.Notice.AlertId).Distinct()]));
                prune.Parameters.Add(new NpgsqlParameter<int>("kept", KeptPerAlert));
                await prune.ExecuteNonQueryAsync(cancellation);
                await NotifyAsync(db, EventsAdded, cancellation);
            }
            await transaction.CommitAsync(cancellation);
            return new PercolationRecord(webhooks);
        }, cancellation);

    /// <summary>The webhook notices recorded and not yet delivered nor given up, in the order recorded.</summary>
    public Task<IReadOnlyList<PendingWebhook>> PendingWebhooksAsync(CancellationToken cancellation) =>
        log.RunAsync<IReadOnlyList<PendingWebhook>>(async db =>
        {
            await using var read = new NpgsqlCommand("""
                SELECT alert_events.seq, alert_events.alert_id, alert_events.event_id, alert_events.notice, alerts.webhook
                FROM alert_events JOIN alerts ON alerts.id = alert_events.alert_id
                WHERE alert_events.webhook_pending AND alerts.webhook IS NOT NULL ORDER BY alert_events.seq
                """, db);
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            var pending = new List<PendingWebhook>();
            while (await rows.ReadAsync(cancellation))
                pending.Add(new PendingWebhook(new Uri(rows.GetString(4)), ReadEvent(rows, 2)));
            return pending;
        }, cancellation);

    /// <summary>The webhook is done with this event: delivered, or given up after its attempts.</summary>
    public Task WebhookDoneAsync(AlertEvent done, CancellationToken cancellation) =>
        log.RunAsync(async db =>
        {
            await using var update = new NpgsqlCommand(
                "UPDATE alert_events SET webhook_pending = false WHERE alert_id = @alert AND event_id = @event AND webhook_pending", db);
            update.Parameters.Add(new NpgsqlParameter<string>("alert", done.Notice.AlertId));
            update.Parameters.Add(new NpgsqlParameter<long>("event", done.Id));
            return await update.ExecuteNonQueryAsync(cancellation);
        }, cancellation);

    /// <summary>Up to <paramref name="limit"/> events recorded after <paramref name="afterSeq"/>, in the order recorded, each with its place.</summary>
    public Task<IReadOnlyList<(long Seq, AlertEvent Event)>> EventsAfterAsync(long afterSeq, int limit, CancellationToken cancellation) =>
        log.RunAsync<IReadOnlyList<(long, AlertEvent)>>(async db =>
        {
            await using var read = new NpgsqlCommand(
                "SELECT seq, alert_id, event_id, notice FROM alert_events WHERE seq > @after ORDER BY seq LIMIT @limit", db);
            read.Parameters.Add(new NpgsqlParameter<long>("after", afterSeq));
            read.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            var events = new List<(long, AlertEvent)>();
            while (await rows.ReadAsync(cancellation))
                events.Add((rows.GetInt64(0), ReadEvent(rows, 2)));
            return events;
        }, cancellation);

    /// <summary>
    /// A listener (not started) telling <paramref name="onChanged"/> what changed (<see cref="AlertsChanged"/>,
    /// <see cref="EventsAdded"/>) as each change commits: and null once the session listens (so that a change made
    /// before is not missed) and after each quiet <see cref="PostgresNotifications.CheckEvery"/>.
    /// </summary>
    public PostgresNotifications ChangeListener(Action<string?> onChanged, ILogger logger) =>
        new(() => Task.FromResult(log), FeedChannel, "SELECT NULL", onChanged, logger);

    private Task<IReadOnlyList<SavedAlert>> ReadAlertsAsync(string sql, string? id, CancellationToken cancellation) =>
        log.RunAsync<IReadOnlyList<SavedAlert>>(async db =>
        {
            await using var read = new NpgsqlCommand(sql, db);
            if (id is not null)
                read.Parameters.Add(new NpgsqlParameter<string>("id", id));
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            var alerts = new List<SavedAlert>();
            while (await rows.ReadAsync(cancellation))
            {
                var query = JsonSerializer.Deserialize<SavedQuery>(rows.GetString(2), Json)
                    ?? throw new InvalidDataException($"The stored query of alert {rows.GetString(0)} is null.");
                alerts.Add(new SavedAlert(new Alert(rows.GetString(0), rows.GetFieldValue<DateTimeOffset>(1), query,
                    rows.IsDBNull(3) ? null : new Uri(rows.GetString(3))), rows.GetInt64(4)));
            }
            return alerts;
        }, cancellation);

    /// <summary>The event of a row whose alert id, event id and notice start at column <paramref name="first"/> - 1.</summary>
    private static AlertEvent ReadEvent(NpgsqlDataReader row, int first) =>
        new(row.GetInt64(first), JsonSerializer.Deserialize<AlertNotice>(row.GetString(first + 1), Json)
            ?? throw new InvalidDataException($"The stored event {row.GetInt64(first)} of alert {row.GetString(first - 1)} is null."));

    private static Task NotifyAsync(NpgsqlConnection db, string change, CancellationToken cancellation) =>
        ExecuteAsync(db, $"SELECT pg_notify('{FeedChannel}', '{change}')", cancellation);

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
