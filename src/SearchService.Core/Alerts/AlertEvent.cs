namespace SearchService.Core.Alerts;

/// <summary>One notice as an event, with the id that names this match of this version of the article (<see cref="AlertEventId"/>).</summary>
public sealed record AlertEvent(long Id, AlertNotice Notice);
