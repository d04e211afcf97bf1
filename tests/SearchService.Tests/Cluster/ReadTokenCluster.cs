namespace SearchService.Tests.Cluster;

/// <summary>Two cluster nodes as processes over a scratch database of their own, for version tokens handed between them.</summary>
public sealed class ReadTokenCluster() : TwoNodeCluster("searchservice_read_token");
