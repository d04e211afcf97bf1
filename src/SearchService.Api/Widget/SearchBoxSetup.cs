using SearchService.Api.Endpoints;

namespace SearchService.Api.Widget;

/// <summary>
/// Everything the embeddable search box needs from the host: CORS, its script, the demo and article pages (its
/// suggestion vocabulary is prepared at start-up, by <see cref="Startup.ServiceInitializer"/>).
/// </summary>
public static class SearchBoxSetup
{
    public static WebApplicationBuilder AddSearchBox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WidgetAssets>();
        builder.Services.AddReadOnlyCors();
        return builder;
    }

    /// <summary>The script and the pages; the endpoints the search box calls are with the others (<see cref="SearchEndpoints"/>).</summary>
    public static WebApplication MapSearchBox(this WebApplication app)
    {
        app.MapWidgetEndpoints();
        app.MapPageEndpoints();
        return app;
    }
}
