using SearchService.Core.Alerts;

namespace SearchService.Cluster.Alerts;

/// <summary>What <see cref="PostgresAlerts.RecordAsync"/> did: recorded, with the webhook notices to send; or recorded nothing, and why.</summary>
public sealed record PercolationRecord(IReadOnlyList<PendingWebhook> Webhooks, bool Recorded = true, bool MissedAlerts = false)
{
    /// <summary>Percolation had moved on from where the caller started: another node recorded those changes.</summary>
    public static PercolationRecord Superseded { get; } = new([], Recorded: false);

    /// <summary>An alert saved before the changes was not matched against them: match again with the alerts now saved.</summary>
    public static PercolationRecord AlertsMissed { get; } = new([], Recorded: false, MissedAlerts: true);
}
