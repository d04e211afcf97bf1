using Microsoft.AspNetCore.Cors.Infrastructure;

namespace SearchService.Api.Widget;

/// <summary>
/// Cross-origin access for the read-only endpoints a search box on another site calls (<c>/search</c>,
/// <c>/facets/{name}</c>, <c>/suggest</c>, <c>GET /articles/{id}</c>, <c>/widget/*</c>, each with <c>RequireCors(WidgetCors.PolicyName)</c>):
/// GET and its preflight (and the click reports' POST, <see cref="ClickPolicyName"/>), from the origins in <c>Search:Cors:AllowedOrigins</c> (none listed: any origin). Nothing
/// else, other write and admin endpoints included, ever answers another origin.
/// </summary>
public static class WidgetCors
{
    public const string PolicyName = "ReadOnly";

    /// <summary>The same origins posting a click report (<c>POST /analytics/click</c>), the one write a search box makes.</summary>
    public const string ClickPolicyName = "ClickReports";
    public const string AllowedOriginsKey = "Search:Cors:AllowedOrigins";

    public static IServiceCollection AddReadOnlyCors(this IServiceCollection services)
    {
        services.AddCors();
        // Read when the options are first used, so configuration added late (tests, hosting) still counts.
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var origins = configuration.GetSection(AllowedOriginsKey).Get<string[]>()?.Where(o => !string.IsNullOrWhiteSpace(o)).ToArray() ?? [];
            options.AddPolicy(PolicyName, policy => FromOrigins(policy, origins).WithMethods(HttpMethods.Get, HttpMethods.Head));
            options.AddPolicy(ClickPolicyName, policy => FromOrigins(policy, origins).WithMethods(HttpMethods.Post));
        });
        return services;
    }

    private static CorsPolicyBuilder FromOrigins(CorsPolicyBuilder policy, string[] origins)
    {
        if (origins.Length == 0 || origins.Contains("*"))
            policy.AllowAnyOrigin();
        else
            policy.WithOrigins(origins);
        return policy.AllowAnyHeader().SetPreflightMaxAge(TimeSpan.FromHours(1));
    }
}
