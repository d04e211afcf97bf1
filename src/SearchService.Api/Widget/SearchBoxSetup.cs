using SearchService.Api.Endpoints;
using SearchService.Core.Searching;

namespace SearchService.Api.Widget;

/// <summary>Everything the embeddable search box needs from the host: CORS, suggestions, the script, the demo and article pages.</summary>
public static class SearchBoxSetup
{
    public static WebApplicationBuilder AddSearchBox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WidgetAssets>();
        builder.Services.AddReadOnlyCors();
        return builder;
    }

    /// <summary>Call before the other endpoints are mapped, so cross-origin headers cover them.</summary>
    public static WebApplication MapSearchBox(this WebApplication app)
    {
        app.UseReadOnlyCors();
        app.MapSuggestEndpoints();
        app.MapWidgetEndpoints();
        app.MapArticleViewEndpoints();
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
