namespace SearchService.Core.Alerts;

/// <summary>One notice as an event: its id orders the events of the process and, across restarts, mostly of the service (it starts from the clock).</summary>
public sealed record AlertEvent(long Id, AlertNotice Notice);
