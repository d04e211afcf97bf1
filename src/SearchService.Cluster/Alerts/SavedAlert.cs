using SearchService.Core.Alerts;

namespace SearchService.Cluster.Alerts;

/// <summary>An alert as the cluster keeps it: with the article log's version when it was saved; only later changes are matched.</summary>
public sealed record SavedAlert(Alert Alert, long AfterVersion);
