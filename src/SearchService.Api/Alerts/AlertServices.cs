using SearchService.Core.Alerts;

namespace SearchService.Api.Alerts;

/// <summary>What the alert endpoints use; registered on a single node only, so its absence means cluster mode.</summary>
public sealed record AlertServices(AlertStore Store, AlertQueryCompiler Compiler, AlertEventStream Events, WebhookSender Webhooks);
