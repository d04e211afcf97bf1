using System.Buffers;
using System.ComponentModel;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Alerts;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Alerts;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Alerts (<c>/alerts</c>, admin key): saved searches whose new matches are delivered, Elasticsearch's percolator being
/// the model. Each paragraph that becomes searchable after an alert is saved and matches it is delivered once to the
/// alert's webhook and its event stream (<see cref="AlertPercolator"/>; in cluster mode, saved in PostgreSQL and
/// matched once per change by one node, <see cref="SearchService.Cluster.Alerts.ClusterAlertPercolator"/>).
/// </summary>
public static class AlertEndpoints
{
    public const int MaxQueryLength = 1000;
    public const int MaxFilterValues = 100;

    private static readonly JsonNode BodyExample = JsonSerializer.SerializeToNode(
        new NewAlert("cotton exports", "simple", ["Pakistan"], null, null, "2021-01-01", null, "https://desk.example.com/hooks/cotton"),
        JsonSerializerOptions.Web)!;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapAdminGroup("/alerts");
        alerts.MapPost("", Create)
            .WithName("CreateAlert")
            .WithSummary("Save a search as an alert: its new matches go to a webhook and an event stream")
            .WithDescription("Every paragraph indexed afterwards (corpus folder, PUT /articles/{id}, POST /articles/_bulk) that matches q and the filters " +
                "as /search would match it (words taken as typed: no spelling corrections) is delivered once, within about 2 seconds of becoming searchable: " +
                "as a POST of {alertId, hits} to webhook (retried with backoff), and as an event of GET /alerts/{id}/events. Saved in the index folder, " +
                "so it survives restarts and rebuilds (in cluster mode in PostgreSQL, seen by every node; a 503 naming it while it is out of reach). A bad q, syntax, filter, date or webhook is a 400 naming it. " +
                "Beyond Search:Alerts:MaxAlerts alerts (10,000 by default) it is a 422 naming the limit.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                    body.Example = BodyExample.DeepClone();
                return Task.CompletedTask;
            });
        alerts.MapGet("", List)
            .WithName("ListAlerts")
            .WithSummary("Every alert saved, oldest first")
            .WithDescription("Each alert with its id, when it was saved, its saved query and filters, and its webhook if it has one.");
        alerts.MapGet("/{id}", Get)
            .WithName("GetAlert")
            .WithSummary("One alert")
            .WithDescription("The alert saved under this id: when, its saved query and filters, and its webhook if it has one. 404 naming id for an unknown one.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapDelete("/{id}", Delete)
            .WithName("DeleteAlert")
            .WithSummary("Delete an alert: nothing more is delivered for it")
            .WithDescription("204 once deleted (and written to disk); its event streams end and its webhook notices not yet delivered are dropped. " +
                "A 404 naming id when there is no such alert.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapGet("/{id}/events", Events)
            .WithName("AlertEvents")
            .WithSummary("The alert's new matches as server-sent events")
            .WithDescription("A text/event-stream of 'alert' events, each with an id and the data {alertId, hits} POSTed to the webhook; it stays open. " +
                "Send Last-Event-ID (browsers do when they reconnect) to get first the events after it among the last 256 kept in memory " +
                "(not across a restart; in cluster mode the last 256 are kept in PostgreSQL, so any node resumes). A 404 naming id when there is no such alert.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<Alert>, ProblemHttpResult>> Create(NewAlert body, AlertServices alerts, TimeProvider time,
        CancellationToken cancellation)
    {
        if (Problem(body) is { } problem)
            return problem;
        var (query, webhook) = Valid(body);
        if (webhook is not null && alerts.WebhookHosts.Refusal(webhook) is { } refused)
            return ParameterProblem.For("webhook", refused);
        try
        {
            alerts.Compiler.Compile(new Alert("new", time.GetUtcNow(), query, webhook));
        }
        catch (Exception e) when (e is QuerySyntaxException or QueryRefusedException)
        {
            return ParameterProblem.For("q", e.Message);
        }
        try
        {
            var alert = await alerts.Book.AddAsync(query, webhook, time.GetUtcNow(), cancellation);
            return TypedResults.Created($"/alerts/{alert.Id}", alert);
        }
        catch (AlertLimitException e)
        {
            // Typesense's 422 (well-formed, cannot be processed); its 409 means "already exists", which this is not.
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Too many alerts",
                extensions: new Dictionary<string, object?> { ["limit"] = AlertOptions.Section + ":MaxAlerts", ["maxAlerts"] = e.MaxAlerts });
        }
    }

    private static async Task<Ok<IReadOnlyList<Alert>>> List(AlertServices alerts, CancellationToken cancellation) =>
        TypedResults.Ok(await alerts.Book.AllAsync(cancellation));

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Get(
        [Description("The alert's id, from POST /alerts or GET /alerts."), Example("a3f9a0c12b7e4")] string id, AlertServices alerts,
        CancellationToken cancellation) =>
        await alerts.Book.FindAsync(id, cancellation) is { } alert ? TypedResults.Ok(alert) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        [Description("The alert's id, from POST /alerts or GET /alerts."), Example("a3f9a0c12b7e4")] string id, AlertServices alerts,
        CancellationToken cancellation) =>
        await alerts.Book.RemoveAsync(id, cancellation) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Events(
        [Description("The alert's id, from POST /alerts or GET /alerts."), Example("a3f9a0c12b7e4")] string id,
        [FromHeader(Name = "Last-Event-ID"), Description("The id of the last event received: the kept events after it come first."), Example("1764770000000001")]
        string? lastEventId,
        AlertServices alerts,
        HttpContext context)
    {
        if (await alerts.Book.FindAsync(id, context.RequestAborted) is null)
            return NotFound(id);
        long? after = null;
        if (!string.IsNullOrWhiteSpace(lastEventId))
        {
            if (!long.TryParse(lastEventId.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                return ParameterProblem.For("Last-Event-ID", $"Last-Event-ID must be an event id (digits), not '{ParameterProblem.Echo(lastEventId)}'.");
            after = parsed;
        }
        var subscription = alerts.Events.Subscribe(id, after);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(async body =>
        {
            // The headers go at once, so a client knows it is subscribed before the first event.
            await body.FlushAsync(context.RequestAborted);
            await SseFormatter.WriteAsync(Stream(subscription, context.RequestAborted), body, WriteNotice, context.RequestAborted);
        }, "text/event-stream");
    }

    private static void WriteNotice(SseItem<AlertNotice> item, IBufferWriter<byte> writer)
    {
        using var json = new Utf8JsonWriter(writer);
        JsonSerializer.Serialize(json, item.Data, JsonSerializerOptions.Web);
    }

    private static async IAsyncEnumerable<SseItem<AlertNotice>> Stream(AlertSubscription subscription, [EnumeratorCancellation] CancellationToken aborted)
    {
        using (subscription)
        {
            foreach (var missed in subscription.Missed)
                yield return Item(missed);
            await foreach (var published in subscription.Live.ReadAllAsync(aborted))
                yield return Item(published);
        }
    }

    private static SseItem<AlertNotice> Item(AlertEvent published) =>
        new(published.Notice, "alert") { EventId = published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>The saved query and webhook of a body <see cref="Problem"/> found valid.</summary>
    private static (SavedQuery Query, Uri? Webhook) Valid(NewAlert body)
    {
        ParameterProblem.ReadChoice("syntax", body.Syntax, QuerySyntax.Simple, out var syntax, ("simple", QuerySyntax.Simple), ("lucene", QuerySyntax.Lucene));
        DateTimeOffset? from = body.From is { } f && DateBound.TryParse(f.Trim(), endOfDay: false, out var start) ? start : null;
        DateTimeOffset? to = body.To is { } t && DateBound.TryParse(t.Trim(), endOfDay: true, out var end) ? end : null;
        var webhook = string.IsNullOrWhiteSpace(body.Webhook) ? null : new Uri(body.Webhook.Trim(), UriKind.Absolute);
        return (new SavedQuery(body.Q!.Trim(), syntax, Clean(body.Region), Clean(body.Topic), Clean(body.Speaker), from, to), webhook);
    }

    /// <summary>The first thing wrong with the body, as a 400 naming it; null when it is all valid.</summary>
    private static ProblemHttpResult? Problem(NewAlert body)
    {
        if (string.IsNullOrWhiteSpace(body.Q) || body.Q.Length > MaxQueryLength)
            return ParameterProblem.For("q", $"q must be 1 to {MaxQueryLength} characters long.");
        if (ParameterProblem.ReadChoice("syntax", body.Syntax, QuerySyntax.Simple, out _, ("simple", QuerySyntax.Simple), ("lucene", QuerySyntax.Lucene)) is { } badSyntax)
            return badSyntax;
        foreach (var (name, values) in new[] { ("region", body.Region), ("topic", body.Topic), ("speaker", body.Speaker) })
        {
            if (values is { Count: > MaxFilterValues })
                return ParameterProblem.For(name, $"{name} may list at most {MaxFilterValues} values.");
        }
        foreach (var (name, text, endOfDay) in new[] { ("from", body.From, false), ("to", body.To, true) })
        {
            if (text is not null && !DateBound.TryParse(text.Trim(), endOfDay, out _))
                return ParameterProblem.For(name, $"{name} must be {DateBound.Forms}, not '{ParameterProblem.Echo(text)}'.");
        }
        if (body.From is { } from && body.To is { } to && DateBound.TryParse(from.Trim(), false, out var start)
            && DateBound.TryParse(to.Trim(), true, out var end) && start > end)
            return ParameterProblem.For("from", "from is after to.");
        if (!string.IsNullOrWhiteSpace(body.Webhook)
            && !(Uri.TryCreate(body.Webhook.Trim(), UriKind.Absolute, out var webhook) && webhook.Scheme is "http" or "https"))
            return ParameterProblem.For("webhook", $"webhook must be an absolute http or https URL, not '{ParameterProblem.Echo(body.Webhook)}'.");
        return null;
    }

    private static List<string>? Clean(IReadOnlyList<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } clean ? clean : null;

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(detail: $"No alert with id '{ParameterProblem.Echo(id)}'.", statusCode: StatusCodes.Status404NotFound,
            title: "Alert not found", extensions: new Dictionary<string, object?> { ["parameter"] = "id" });
}
