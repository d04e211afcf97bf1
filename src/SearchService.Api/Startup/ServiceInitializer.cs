using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Indexer;

namespace SearchService.Api.Startup;

/// <summary>
/// The service's start-up, in this order, registered before every other hosted service:
/// <list type="number">
/// <item>before the server takes requests: open the index and replay the API write journal (<see cref="IndexOpener"/>;
/// a locked index folder or unreadable facet data stops the start, <see cref="StartupFailedException"/>);</item>
/// <item>then in the background: the corpus passes (<see cref="IndexerWorker"/>: the first, then one per change);</item>
/// <item>once the server has started: the search box's suggestion vocabulary (<see cref="Suggester"/>), over what is
/// indexed by then (it is built again for each new index version);</item>
/// <item>once the server has started and the first pass has ended (at once over an existing index): the search
/// warm-up (<see cref="SearchWarmUp"/>) and the semantic model, so the first users meet optimised code and a loaded
/// model. The service answers meanwhile.</item>
/// </list>
/// Readiness follows it (<see cref="IndexReadinessCheck"/>).
/// </summary>
public sealed class ServiceInitializer(
    IndexOpener opener, IServiceProvider services, IndexingStatus status, IHostApplicationLifetime lifetime, ILogger<ServiceInitializer> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            opener.Open();
        }
        catch (Exception e) when (e is IndexUnavailableException or FileNotFoundException or InvalidDataException)
        {
            logger.LogCritical("Cannot start: {Message}", e.Message);
            throw new StartupFailedException(e);
        }
        // Resolved in the order they were opened, so they are disposed in the reverse: the journal before the index.
        services.GetRequiredService<SearchIndex>();
        services.GetRequiredService<JournalProtocol>();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var passes = services.GetRequiredService<IndexerWorker>().RunAsync(stoppingToken);
        await WarmUpAsync(stoppingToken);
        await passes;
    }

    private async Task WarmUpAsync(CancellationToken stopping)
    {
        try
        {
            await Started().WaitAsync(stopping);
            var suggestions = Task.Run(PrepareSuggestions, stopping);
            await status.FirstRunEnded.WaitAsync(stopping);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var searches = await Task.Run(() => SearchWarmUp.Run(
                services.GetRequiredService<SearchIndex>(), services.GetRequiredService<ParagraphSearcher>(), stopping), stopping);
            // Loading the semantic model takes about a second: not in the first search that asks for it.
            services.GetService<SentenceEmbedder>()?.EnsureLoaded();
            logger.LogInformation("Warmed up with {Searches} searches in {Milliseconds:F0} ms", searches, clock.Elapsed.TotalMilliseconds);
            await suggestions;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or QueryTimeoutException
                                       or SemanticRerankUnavailableException)
        {
            logger.LogDebug(e, "Search warm-up stopped");
        }
    }

    private void PrepareSuggestions()
    {
        try
        {
            services.GetRequiredService<Suggester>().Prepare();
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // Stopping already; the first suggestion request would build it anyway.
            logger.LogDebug(e, "Suggestion vocabulary not prepared");
        }
        catch (Exception e)
        {
            // Preparing ahead is an optimisation: it must not stop the service.
            logger.LogError(e, "Suggestion vocabulary not prepared; the first suggestion request will build it");
        }
    }

    /// <summary>Completes once the server has started.</summary>
    private Task Started()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task;
    }
}
