using SearchService.Api.Alerts;
using SearchService.Api.Backends;
using SearchService.Api.Cluster;
using SearchService.Api.Endpoints;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Api.Startup;
using SearchService.Core;
using SearchService.Core.Searching;

namespace SearchService.Api;

/// <summary>
/// How the API host is put together: services (start-up among them, <see cref="StartupSetup"/>, or a cluster node's,
/// <see cref="ClusterSetup"/>) and error handling.
/// </summary>
public static class SearchApiSetup
{
    public static WebApplicationBuilder AddSearchApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSearchCore(builder.Configuration);
        if (SearchClusterOptions.IsEnabled(builder.Configuration))
            builder.AddClusterNode();
        else
        {
            builder.Services.AddServiceStartup();
            builder.Services.AddSingleton<ISearchBackend, LocalSearchBackend>();
            builder.Services.AddSingleton<IArticleBackend, LocalArticleBackend>();
            builder.Services.AddSingleton<IRelatedArticleFinder, RelatedArticleFinder>();
            builder.Services.AddAlerts(builder.Configuration);
        }
        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<DocumentInfoTransformer>()
            .AddOperationTransformer<ParameterExamplesTransformer>()
            .AddOperationTransformer<FilterFieldsTransformer>()
            .AddOperationTransformer<OptionalQueryParametersTransformer>()
            .AddSchemaTransformer<ProblemDetailsSchemaTransformer>()
            .AddDocumentTransformer<ApiKeysTransformer>()
            .AddDocumentTransformer<RequestBodyLimitTransformer>());
        // The OpenAPI document is built anew, by reflection over every endpoint, on each request it is not cached for.
        // Kept per host and query string, so the cache's size is bounded too.
        builder.Services.AddOutputCache(options => options.SizeLimit = 16 * 1024 * 1024);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, SearchAnswerJsonContext.Default));
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
}
