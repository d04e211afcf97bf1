using Microsoft.Net.Http.Headers;

namespace SearchService.Api.Widget;

/// <summary>Answers the service's own HTML pages, with a content security policy that allows only this origin's scripts.</summary>
public static class Pages
{
    private const string SecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    public static IResult Html(HttpContext context, string html)
    {
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = SecurityPolicy;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return TypedResults.Text(html, "text/html; charset=utf-8");
    }
}
