using SearchService.Core.Alerts;

namespace SearchService.Api.Alerts;

/// <summary>What the alert endpoints use, on a single node (<see cref="AlertSetup"/>) and in a cluster (<see cref="ClusterAlertSetup"/>).</summary>
public sealed record AlertServices(IAlertBook Book, AlertQueryCompiler Compiler, AlertEventStream Events, WebhookHosts WebhookHosts);
