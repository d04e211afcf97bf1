using SearchService.Indexer;

namespace SearchService.Api.Startup;

/// <summary>Registers the service's start-up and readiness, and runs the app unless its start-up fails.</summary>
public static class StartupSetup
{
    public static IServiceCollection AddServiceStartup(this IServiceCollection services)
    {
        services.AddIndexerWorker();
        // First of the hosted services: nothing else starts before the index is open.
        services.AddHostedService<ServiceInitializer>();
        services.AddHealthChecks().AddCheck<IndexReadinessCheck>("index", tags: [IndexReadinessCheck.ReadyTag]);
        return services;
    }

    /// <summary>Runs the app until it stops, and returns the process's exit code: 1 when start-up failed (the reason is logged).</summary>
    public static async Task<int> RunUnlessStartFailsAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (StartupFailedException)
        {
            await app.DisposeAsync(); // flushes the console log, so the reason reaches the operator before the exit
            return 1;
        }
        await app.WaitForShutdownAsync();
        return 0;
    }
}
