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
/// documented lines: <c>/embed?endpoint=http://127.0.0.1:NNNN</c>; each <c>attr-NAME=VALUE</c> parameter adds an
/// attribute to the box, and the page's other parameters are left to the box (sync-url keeps its state there).
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

    public const string AttributePrefix = "attr-";

    /// <param name="attributes">The box's attributes besides endpoint (a value of "" for one without a value).</param>
    /// <param name="boxState">More of the page's query string, as the box's sync-url writes it (<c>q=terrorism&amp;page=2</c>).</param>
    public string EmbedUrl(Uri api, IReadOnlyDictionary<string, string>? attributes = null, string? boxState = null)
    {
        var query = $"/embed?endpoint={Uri.EscapeDataString(api.GetLeftPart(UriPartial.Authority))}";
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
            query += $"&{AttributePrefix}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
        return new Uri(Address, boxState is null ? query : $"{query}&{boxState}").ToString();
    }

    public static async Task<HostPage> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/embed", (string endpoint, HttpRequest request) => Results.Content(Embedding(endpoint, request.Query), "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HostPage(app, new Uri(address));
    }

    private static string Embedding(string endpoint, IQueryCollection query)
    {
        var origin = WebUtility.HtmlEncode(endpoint);
        var attributes = string.Concat(query.Where(p => p.Key.StartsWith(AttributePrefix, StringComparison.Ordinal))
            .Select(p => $" {WebUtility.HtmlEncode(p.Key[AttributePrefix.Length..])}=\"{WebUtility.HtmlEncode(p.Value.ToString())}\""));
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>A page on another site</title>
            <style>body { font-family: serif; color: red; } input, li, a { all: unset; }</style></head>
            <body>
            <main>
            <h1>Host page</h1>
            <script src="{{origin}}/widget/search-box.js" type="module"></script>
            <search-box endpoint="{{origin}}"{{attributes}}></search-box>
            </main>
            </body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
