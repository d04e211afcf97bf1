namespace SearchService.Core.Alerts;

/// <summary>A notice waiting in the outbox for its webhook (<see cref="WebhookSender"/>).</summary>
public sealed record PendingWebhook(Uri Webhook, AlertEvent Event);
