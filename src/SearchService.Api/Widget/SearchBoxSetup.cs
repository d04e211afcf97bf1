using SearchService.Api.Endpoints;
using SearchService.Core.Searching;

namespace SearchService.Api.Widget;

/// <summary>Everything the embeddable search box needs from the host: CORS, its script, the demo and article pages, suggestions prepared.</summary>
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
        app.Lifetime.ApplicationStarted.Register(() => Task.Run(() => PrepareSuggestions(app)));
        return app;
    }

    private static void PrepareSuggestions(WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<Suggester>().Prepare();
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // Stopping already; the first suggestion request would build it anyway.
            app.Logger.LogDebug(e, "Suggestion vocabulary not prepared");
        }
    }
}
