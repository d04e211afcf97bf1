using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Indexer;

namespace SearchService.Api;

/// <summary>How the API host is put together: services, error handling, and opening the index at start-up.</summary>
public static class SearchApiSetup
{
    public static WebApplicationBuilder AddSearchApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSearchCore(builder.Configuration);
        builder.Services.AddIndexerWorker();
        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<DocumentInfoTransformer>()
            .AddOperationTransformer<ParameterExamplesTransformer>()
            .AddSchemaTransformer<ProblemDetailsSchemaTransformer>()
            .AddDocumentTransformer<ApiKeysTransformer>()
            .AddDocumentTransformer<RequestBodyLimitTransformer>());
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures throw, so the handler can answer them as problem details naming the parameter.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseSearchApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Opens the index and loads the facet data before serving. When the index folder is locked or not writable, or
    /// the taxonomy cannot be read, says so and tells the caller to exit rather than serve half a service.
    /// </summary>
    public static bool OpenOrExplain(this WebApplication app)
    {
        try
        {
            // The gazetteer and taxonomy load on another core while the index opens: both lie before the first answer.
            var extractor = Task.Run(() => app.Services.GetRequiredService<IFacetExtractor>());
            try
            {
                app.Services.GetRequiredService<SearchIndex>();
            }
            finally
            {
                ((IAsyncResult)extractor).AsyncWaitHandle.WaitOne(); // done before the caller goes on or disposes the services
            }
            extractor.GetAwaiter().GetResult(); // the loading error itself, not an AggregateException
            app.Services.GetRequiredService<ArticleStore>(); // replays API writes the index had not committed
            return true;
        }
        catch (Exception e) when (e is IndexUnavailableException or FileNotFoundException or InvalidDataException)
        {
            app.Logger.LogCritical("Cannot start: {Message}", e.Message);
            return false;
        }
    }

    /// <summary>
    /// Once the server has started and the first indexing pass is done (at once over an existing index), runs
    /// <see cref="SearchWarmUp"/> in the background and loads the semantic model (when semantic re-ranking is on): the
    /// service answers meanwhile, and the first users meet optimised code and a loaded model.
    /// </summary>
    public static WebApplication WarmUpSearches(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => Task.Run(async () =>
        {
            var stopping = app.Lifetime.ApplicationStopping;
            try
            {
                var status = app.Services.GetRequiredService<IndexingStatus>();
                while (status.IsIndexing)
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stopping);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var searches = SearchWarmUp.Run(app.Services.GetRequiredService<SearchIndex>(),
                    app.Services.GetRequiredService<ParagraphSearcher>(), stopping);
                // Loading the semantic model takes about a second: not in the first search that asks for it.
                app.Services.GetService<SentenceEmbedder>()?.EnsureLoaded();
                app.Logger.LogInformation("Warmed up with {Searches} searches in {Milliseconds:F0} ms", searches, clock.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or QueryTimeoutException
                                           or SemanticRerankUnavailableException)
            {
                app.Logger.LogDebug(e, "Search warm-up stopped");
            }
        }));
        return app;
    }
}
