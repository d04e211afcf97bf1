using SearchService.Api;
using SearchService.Api.Endpoints;
using SearchService.Api.Http;
using SearchService.Api.Security;
using SearchService.Api.Widget;

// appsettings.json ships beside the binary; relative Search paths are resolved against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddSearchBox();
builder.AddSearchApi();
builder.AddReliability();
builder.AddKeyPolicies();

var app = builder.Build();
if (!app.OpenOrExplain())
{
    await app.DisposeAsync(); // flushes the console log, so the reason reaches the operator before the exit
    return 1;
}

app.WarmUpSearches();
app.UseReliability();
app.UseHeadAsGet();
app.UseRouting();
app.UseSearchApiErrors();
app.UseEndpointRules();
app.MapOpenApi();
app.MapSearchBox();
app.MapSearchEndpoints();
app.MapArticleEndpoints();
app.MapIndexEndpoints();
app.MapHealthEndpoints();
app.MapReliabilityEndpoints();
app.Run();
return 0;

/// <summary>Lets the in-process tests (WebApplicationFactory) find the entry point.</summary>
public partial class Program;
