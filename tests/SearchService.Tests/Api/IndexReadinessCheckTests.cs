using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Api.Startup;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Api;

/// <summary>Readiness follows start-up: not ready until the index is open, ready once it answers searches.</summary>
public sealed class IndexReadinessCheckTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly ServiceProvider services;
    private readonly IndexReadinessCheck check;

    public IndexReadinessCheckTests()
    {
        services = CoreServices.For(folder.Path);
        check = new IndexReadinessCheck(services.GetRequiredService<IndexOpener>(), services, NullLogger<IndexReadinessCheck>.Instance);
    }

    private async Task<HealthStatus> Status() => (await check.CheckHealthAsync(new HealthCheckContext())).Status;

    [Fact]
    public async Task Not_ready_before_start_up_has_opened_the_index()
    {
        Assert.Equal(HealthStatus.Unhealthy, await Status());
    }

    [Fact]
    public async Task Ready_once_the_index_is_open()
    {
        services.OpenIndex();

        Assert.Equal(HealthStatus.Healthy, await Status());
    }

    [Fact]
    public async Task Not_ready_once_the_index_is_closed()
    {
        services.OpenIndex();
        services.GetRequiredService<SearchIndex>().Dispose();

        Assert.Equal(HealthStatus.Unhealthy, await Status());
    }

    public void Dispose()
    {
        services.Dispose();
        folder.Dispose();
    }
}
