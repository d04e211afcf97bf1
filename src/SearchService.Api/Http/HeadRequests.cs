using Microsoft.AspNetCore.Http.Features;

namespace SearchService.Api.Http;

/// <summary>
/// Answers HEAD wherever GET is answered, with GET's status and headers and no body (RFC 9110, 9.3.2): uptime monitors
/// and <c>curl -I</c> probe with HEAD. The request is routed as a GET, so each endpoint stays one OpenAPI operation
/// (mapping HEAD beside GET would give two operations one id), its body is discarded, and the method is HEAD again
/// before the headers go out, so Kestrel frames the answer as one to a HEAD request.
/// </summary>
public static class HeadRequests
{
    /// <summary>Must come before routing (<c>UseRouting</c>), which would otherwise answer HEAD with 405.</summary>
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Response.OnStarting(() =>
            {
                context.Request.Method = HttpMethods.Head;
                return Task.CompletedTask;
            });
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });
        return app;
    }
}
