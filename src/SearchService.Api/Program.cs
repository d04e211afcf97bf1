using SearchService.Api;
using SearchService.Api.Analytics;
using SearchService.Api.Endpoints;
using SearchService.Api.Http;
using SearchService.Api.Limits;
using SearchService.Api.Security;
using SearchService.Api.Startup;
using SearchService.Api.Widget;

// appsettings.json ships beside the binary; relative Search paths are resolved against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddSearchBox();
builder.AddSearchApi();
builder.AddReliability();
builder.AddKeyPolicies();
builder.AddSearchAnalytics();

var app = builder.Build();
app.UseReliability();
app.UseHeadAsGet();
app.UseRouting();
app.UseSearchApiErrors();
app.UseEndpointRules();
app.MapOpenApi().CacheOutput().RequireRateLimiting(RequestLimits.ReadsPolicy).WithMetadata(AnyQueryParameters.Instance);
app.MapSearchBox();
app.MapSearchEndpoints();
app.MapExportEndpoints();
app.MapQuoteEndpoints();
app.MapArticleEndpoints();
app.MapRelatedEndpoints();
app.MapIndexEndpoints();
app.MapKeyEndpoints();
app.MapAnalyticsEndpoints();
app.MapAlertEndpoints();
app.MapHealthEndpoints();
app.MapReliabilityEndpoints();
// Start-up (ServiceInitializer) opens the index before the server takes requests, or the process exits with 1.
return await app.RunUnlessStartFailsAsync();

/// <summary>Lets the in-process tests (WebApplicationFactory) find the entry point.</summary>
public partial class Program;
