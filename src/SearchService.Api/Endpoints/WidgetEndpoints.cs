using System.ComponentModel;
using Microsoft.Net.Http.Headers;
using SearchService.Api.Widget;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>The search box's script and the demo page at <c>/</c>.</summary>
public static class WidgetEndpoints
{
    private const string JavaScript = "text/javascript; charset=utf-8";

    public static IEndpointRouteBuilder MapWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/widget/search-box.js", Loader)
            .WithName("SearchBoxScript")
            .WithTags("Widget")
            .WithDescription("A small loader script to embed as a module script (type=module): it imports the current version of the search box " +
                "(/widget/search-box.{version}.js), so pages pick up a new version within 5 minutes.")
            .WithSummary("The <search-box> web component (imports the current version; cached for 5 minutes)");
        app.MapGet("/widget/search-box.{version}.js", Versioned)
            .WithName("SearchBoxScriptVersion")
            .WithTags("Widget")
            .WithDescription("The search box's script at one version (a hash of its content), immutable. Only the version this service serves " +
                "exists; any other is a 404 pointing to /widget/search-box.js.")
            .Produces<string>(StatusCodes.Status200OK, "text/javascript")
            .WithSummary("One version of the <search-box> script, cached for a year")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/", Demo)
            .WithName("Demo")
            .WithTags("Widget")
            .WithDescription("An HTML page with the search box searching this service, and the two lines of HTML that embed it on another site.")
            .WithSummary("A demo page: the search box over this service, and the two lines that embed it");
        return app;
    }

    private static IResult Loader(WidgetAssets assets, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Script(assets.ScriptLoader, context);
    }

    private static IResult Versioned(string version, WidgetAssets assets, HttpContext context)
    {
        if (version != assets.ScriptHash)
        {
            return TypedResults.Problem(
                detail: $"This service serves version {assets.ScriptHash} of the search box; load /widget/search-box.js to get it.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown search box version");
        }
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Script(assets.Script, context);
    }

    private static IResult Script(string content, HttpContext context)
    {
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.Text(content, JavaScript);
    }

    private static IResult Demo([Description("Starts the demo with this search, so a demo can be linked to (/?q=terrorism).")] string? q,
        WidgetAssets assets, HttpContext context)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var query = (q ?? "").Length <= SearchScopeParameters.MaxQueryLength ? q ?? "" : "";
        return Pages.Html(context, assets.DemoPage
            .Replace("{{origin}}", HtmlTextEncoder.Encode(origin))
            .Replace("{{query}}", HtmlTextEncoder.Encode(query)));
    }
}
