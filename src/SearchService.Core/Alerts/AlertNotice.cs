namespace SearchService.Core.Alerts;

/// <summary>What one alert is told about paragraphs that became searchable together: the body POSTed to its webhook, and one event of its stream.</summary>
public sealed record AlertNotice(string AlertId, IReadOnlyList<AlertHit> Hits);
