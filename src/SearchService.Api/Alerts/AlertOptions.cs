using SearchService.Core;
using SearchService.Core.Alerts;

namespace SearchService.Api.Alerts;

/// <summary>The <c>Search:Alerts</c> configuration section.</summary>
public sealed class AlertOptions
{
    public const string Section = $"{SearchOptions.Section}:Alerts";

    /// <summary>
    /// The most alerts saved at once; <c>POST /alerts</c> beyond it is refused. Bounds what each batch of new paragraphs
    /// is matched against: the delivery delay measured in docs/benchmarks.md is for 10,000.
    /// </summary>
    public int MaxAlerts { get; set; } = 10_000;

    /// <summary>
    /// The most webhook POSTs under way at once, across all alerts: bounds the sockets that receivers which hang can hold.
    /// </summary>
    public int MaxConcurrentWebhooks { get; set; } = WebhookSender.DefaultMaxConcurrentAttempts;

    /// <summary>
    /// The hosts and networks webhooks may reach besides public addresses (<see cref="Core.Alerts.WebhookHosts"/>); empty:
    /// public addresses only, so a webhook cannot reach the service's own network (loopback, private, cloud metadata).
    /// </summary>
    public string[] WebhookHosts { get; set; } = [];
}
