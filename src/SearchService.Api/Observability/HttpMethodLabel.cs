using System.Collections.Frozen;

namespace SearchService.Api.Observability;

/// <summary>
/// The request method as metrics and logs name it: one of the nine methods of HTTP (RFC 9110, RFC 5789), else
/// <c>_OTHER</c>, as the OpenTelemetry HTTP conventions and ASP.NET Core's own metrics do. A client can send any
/// token as a method, up to the request line's length; kept as is, each one would be a new label and a new log text.
/// </summary>
public static class HttpMethodLabel
{
    public const string Other = "_OTHER";

    private static readonly FrozenDictionary<string, string> Known = new[]
    {
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete,
        HttpMethods.Connect, HttpMethods.Options, HttpMethods.Trace, HttpMethods.Patch,
    }.ToFrozenDictionary(method => method, method => method, StringComparer.OrdinalIgnoreCase);

    public static string For(string method) => Known.GetValueOrDefault(method, Other);
}
