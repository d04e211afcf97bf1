using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
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
/// <item>then on the other core while the web host starts: one search of the commonest shape, its cursor and its answer's
/// JSON, so that the first request finds their code compiled and their JSON contracts made (<see cref="PrepareFirstSearch"/>);</item>
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
    private Task firstSearch = Task.CompletedTask;

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
        firstSearch = Task.Run(PrepareFirstSearch, cancellationToken);
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
            await lifetime.WhenStarted().WaitAsync(stopping);
            await firstSearch.WaitAsync(stopping);
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

    /// <summary>
    /// The one-off work of a first search: measured on a fresh process, the first request spent most of its time making the
    /// JSON contracts of the request's fingerprint, the cursor and the answer (reflection, emitted accessors) and compiling
    /// code, not searching. Done here while the host starts, on the core the start leaves free.
    /// </summary>
    private async Task PrepareFirstSearch()
    {
        try
        {
            if (SearchWarmUp.FirstRequest(services.GetRequiredService<SearchIndex>()) is not { } request)
                return;
            var result = services.GetRequiredService<ParagraphSearcher>().Search(request);
            var cursor = SearchCursor.Start(0, SearchCursor.FingerprintOf(request), result.Hits.Count, byScore: true);
            services.GetRequiredService<CursorCodec>().Encode(cursor);
            // The serializer options the endpoints answer with, so their contracts are the ones made.
            await JsonSerializer.SerializeAsync(Stream.Null, result, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException or QueryTimeoutException)
        {
            logger.LogDebug(e, "First search not prepared");
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
}
