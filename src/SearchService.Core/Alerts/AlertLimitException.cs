namespace SearchService.Core.Alerts;

/// <summary>An alert was not saved: the store holds as many as it may (<see cref="MaxAlerts"/>).</summary>
public sealed class AlertLimitException(int maxAlerts) : Exception($"At most {maxAlerts} alerts may be saved; delete one first.")
{
    public int MaxAlerts { get; } = maxAlerts;
}
