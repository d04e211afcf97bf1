using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SearchService.Api.Startup;

namespace SearchService.Tests.Api;

/// <summary>
/// <c>/health/ready</c> answers anonymous callers: a readiness check that throws is named in its 503's detail, and its
/// exception's message (which may hold a path or a host) is not.
/// </summary>
public sealed class ReadinessDetailTests(ReadinessDetailTests.Factory api) : IClassFixture<ReadinessDetailTests.Factory>
{
    private const string Secret = "/var/lib/secret-volume is not mounted";

    /// <summary>The seed API with one more readiness check, which throws.</summary>
    public sealed class Factory : SeedApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHealthChecks().AddCheck(
                "volume", () => throw new InvalidOperationException(Secret), tags: [IndexReadinessCheck.ReadyTag]));
        }
    }

    [Fact]
    public async Task A_check_that_throws_is_named_without_its_exceptions_message()
    {
        var response = await api.CreateClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        var problem = await response.ReadProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The volume check failed; the service's log says why.", problem.Detail);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
    }
}
