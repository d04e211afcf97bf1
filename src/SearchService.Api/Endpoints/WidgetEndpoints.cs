using Microsoft.Net.Http.Headers;
using SearchService.Api.Http;
using SearchService.Api.Limits;
using SearchService.Api.Widget;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The search box's script, which pages of any site (or the listed origins) may load, without a key even in a private
/// deployment: a script tag cannot send one, and the script holds no data (the box's requests carry its key attribute).
/// </summary>
public static class WidgetEndpoints
{
    private const string JavaScript = "text/javascript; charset=utf-8";

    public static IEndpointRouteBuilder MapWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        var widget = app.MapGroup("/widget").RequireRateLimiting(RequestLimits.ReadsPolicy).RequireCors(WidgetCors.PolicyName).AllowAnonymous()
            .WithMetadata(AnyQueryParameters.Instance);
        widget.MapGet("/search-box.js", Loader)
            .WithName("SearchBoxScript")
            .WithTags("Widget")
            .WithDescription("A small loader script to embed as a module script (type=module): it imports the current version of the search box " +
                "(/widget/search-box.{version}.js), so pages pick up a new version within 5 minutes.")
            .WithSummary("The <search-box> web component (imports the current version; cached for 5 minutes)");
        widget.MapGet("/search-box.{version}.js", Versioned)
            .WithName("SearchBoxScriptVersion")
            .WithTags("Widget")
            .WithDescription("The search box's script at one version (a hash of its content), immutable. Only the version this service serves " +
                "exists; any other is a 404 pointing to /widget/search-box.js.")
            .Produces<string>(StatusCodes.Status200OK, "text/javascript")
            .WithSummary("One version of the <search-box> script, cached for a year")
            .ProducesProblem(StatusCodes.Status404NotFound);
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
}
