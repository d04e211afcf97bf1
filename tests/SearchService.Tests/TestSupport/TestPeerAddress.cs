using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// Lets an in-process test say which address a request's connection comes from (header <see cref="HeaderName"/>),
/// as Kestrel sets it from the socket; goes before the whole pipeline, so the service sees only the address.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string HeaderName = "X-Test-Peer";

    public static void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestPeerAddress>());

    /// <summary>A GET of <paramref name="url"/> from <paramref name="peer"/>, through a proxy saying <paramref name="forwardedFor"/> if given.</summary>
    public static HttpRequestMessage Get(string url, string peer, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(HeaderName, peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            if (context.Request.Headers[HeaderName] is [{ } peer])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                context.Request.Headers.Remove(HeaderName);
            }
            return rest(context);
        });
        next(app);
    };
}
