using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SearchService.Api.Cluster;

/// <summary>Ready once this node's silo is an active member of the cluster: it holds shards and answers searches.</summary>
public sealed class ClusterReadinessCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"This node ({silo.SiloAddress}) is not an active member of the cluster."));
}
