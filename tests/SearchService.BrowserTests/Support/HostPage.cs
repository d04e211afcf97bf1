using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SearchService.BrowserTests.Support;

/// <summary>
/// Another web server, on another port (so another origin), whose page embeds the search box with exactly the two
/// documented lines: <c>/embed?endpoint=http://127.0.0.1:NNNN</c>.
/// </summary>
public sealed class HostPage : IAsyncDisposable
{
    private readonly WebApplication app;

    private HostPage(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public string EmbedUrl(Uri api) => new Uri(Address, $"/embed?endpoint={Uri.EscapeDataString(api.GetLeftPart(UriPartial.Authority))}").ToString();

    public static async Task<HostPage> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/embed", (string endpoint) => Results.Content(Embedding(endpoint), "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostPage(app, new Uri(address));
    }

    private static string Embedding(string endpoint)
    {
        var origin = WebUtility.HtmlEncode(endpoint);
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>A page on another site</title>
            <style>body { font-family: serif; color: red; } input, li, a { all: unset; }</style></head>
            <body>
            <h1>Host page</h1>
            <script src="{{origin}}/widget/search-box.js" type="module"></script>
            <search-box endpoint="{{origin}}"></search-box>
            </body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
