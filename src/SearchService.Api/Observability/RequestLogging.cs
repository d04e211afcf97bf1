using System.Diagnostics;

namespace SearchService.Api.Observability;

/// <summary>
/// Gives each request an id (the caller's <c>X-Request-Id</c> if sane, else the server's), echoes it in the answer,
/// puts it in the logging scope of everything logged meanwhile, and logs one structured line per request (method,
/// route, status, time; never headers, keys, the path or an unknown method as sent).
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxIdLength = 64;

    // Parsed once, not at every request; nothing is boxed or formatted when Information is off.
    private static readonly Func<ILogger, string, IDisposable?> RequestScope = LoggerMessage.DefineScope<string>("Request {RequestId}");

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[HeaderName] is [{ Length: > 0 and <= MaxIdLength } given] && given.All(IsIdChar)
            ? given
            : context.TraceIdentifier;
        context.TraceIdentifier = requestId;
        context.Response.Headers[HeaderName] = requestId;
        using var scope = RequestScope(logger, requestId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
                Answered(logger, HttpMethodLabel.For(context.Request.Method), RouteLabel(context), context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The route pattern that answered (one of the service's few), never the path the client sent.</summary>
    public static string RouteLabel(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:F1} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs);

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
