namespace SearchService.Api.Http;

/// <summary>
/// The cross-cutting rules each endpoint declares in its metadata: <c>RequireCors</c>, <c>RequireAuthorization</c>
/// or <c>AllowAnonymous</c> (the keys, <see cref="Security.KeyPolicies"/>), <c>RequireRateLimiting</c>. They read the
/// endpoint, so they come after routing (<c>UseRouting</c>). Last, the query string's names, which must be the
/// endpoint's own (<see cref="UnknownQueryParameterCheck"/>), and, as binding would, the values it parses
/// (<see cref="QueryValueCheck"/>).
/// </summary>
public static class EndpointRules
{
    public static WebApplication UseEndpointRules(this WebApplication app)
    {
        // CORS first: a preflight carries no key, and a refusal that carries CORS headers can be read by the page that asked.
        app.UseCors();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseMiddleware<UnknownQueryParameterCheck>();
        app.UseMiddleware<QueryValueCheck>();
        return app;
    }
}
