using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.Observability;
using SearchService.Core.Sharding;
using SearchService.Cluster.Storage;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Api.Problems;

/// <summary>
/// Turns exceptions into problem details: a request that cannot be bound (e.g. <c>page=abc</c>) is a 400 naming
/// the parameter; anything unexpected is a 500 without stack trace or paths, logged for the operators.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            // The server's own words, not the exception's: its text is for the log, not for the client.
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "Invalid request", Detail = UnreadableRequest(bad.StatusCode) };
            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
                problem.Extensions["parameter"] = "body";
            if (bad.InnerException is JsonException json)
                (problem.Title, problem.Detail, problem.Extensions["parameter"]) = JsonBodyProblem(json);
            else if (ParameterName(bad.Message) is { } parameter)
            {
                problem.Title = $"Invalid parameter '{parameter}'";
                problem.Extensions["parameter"] = parameter;
                problem.Detail = BindingFailure.Match(bad.Message) is { Success: true } failure
                    ? $"{parameter} must be {Expected(failure.Groups["type"].Value)}, not '{ParameterProblem.Echo(failure.Groups["value"].Value)}'."
                    : $"{parameter} is missing or could not be read.";
            }
        }
        else if (exception is QueryTimeoutException timeout)
        {
            logger.LogWarning("A search ran past its {BudgetMs} ms budget and was stopped", timeout.Budget.TotalMilliseconds);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Query took too long",
                Detail = timeout.Message + " Narrow the query (fewer wildcards, fuzzy terms or OR-ed words) and try again.",
            };
        }
        else if (exception is SemanticRerankUnavailableException unavailable)
        {
            if (unavailable.InnerException is { } cause)
                logger.LogError(cause, "The semantic re-ranking model could not be loaded");
            else
                logger.LogWarning("A search with rerank=semantic waited too long for the language model");
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Semantic re-ranking unavailable",
                Detail = unavailable.Message,
            };
            problem.Extensions["parameter"] = "rerank";
        }
        else if (exception is ArticleLogUnavailableException)
        {
            // Cluster mode: PostgreSQL (an article read) is out of reach; the message names the server and why.
            logger.LogWarning("{Problem}", exception.Message);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "PostgreSQL unavailable",
                Detail = exception.Message,
            };
        }
        else if (exception is ShardUnavailableException shard)
        {
            // Cluster mode: no copy of a shard answered. The cause may be anything a copy threw, paths included: logged, not answered.
            logger.LogWarning("{Problem}", exception.Message);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Shard unavailable",
                Detail = $"Shard {shard.Shard} did not answer on any copy tried. The cause has been logged; try again shortly.",
            };
        }
        else
        {
            // The route pattern and a known method, not what the client sent: the log stays bounded whatever the request.
            logger.LogError(exception, "Unhandled error answering {Method} {Route}",
                HttpMethodLabel.For(context.Request.Method), RequestLogging.RouteLabel(context));
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "The server could not answer this request. The error has been logged.",
            };
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    // ASP.NET Core's binding messages read: Failed to bind parameter "int? page" from "abc".
    private static string? ParameterName(string message)
    {
        const string marker = "parameter \"";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += marker.Length;
        var end = message.IndexOf('"', start);
        // Properties of [AsParameters] records are named in PascalCase; the query string uses camelCase.
        return end < 0 ? null : JsonNamingPolicy.CamelCase.ConvertName(message[start..end].Split(' ')[^1]);
    }

    /// <summary>
    /// What is wrong with a JSON body, naming the member at fault by its path in the body (<c>filters.region</c>): a
    /// member the body does not take (refused rather than ignored, so that a mistyped filter cannot widen a key), a
    /// value of the wrong kind, or JSON that does not parse.
    /// </summary>
    private static (string Title, string Detail, string Parameter) JsonBodyProblem(JsonException json)
    {
        // The serializer wraps the reader's own exception (JSON that does not parse) and names where it stopped.
        var path = json.Path is { Length: > 1 } p && json.InnerException is not JsonException ? ParameterProblem.Echo(p[1..].TrimStart('.')) : null;
        if (path is null)
            return ("Invalid parameter 'body'", $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).", "body");
        var detail = json.Message.StartsWith("The JSON property ", StringComparison.Ordinal)
            ? $"The body has no field '{path}': docs/api.md and the OpenAPI document list the fields it takes."
            : $"{path} holds a value of the wrong kind: docs/api.md and the OpenAPI document say what it takes.";
        return ($"Invalid parameter '{path}'", detail, path);
    }

    private static string UnreadableRequest(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts.",
        StatusCodes.Status408RequestTimeout => "The request body came too slowly.",
        _ => "The request could not be read.",
    };

    private static readonly Regex BindingFailure = new(
        @"^Failed to bind parameter ""(?<type>.+) \w+"" from ""(?<value>.*)""\.$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>What a value of the parameter's .NET type looks like, in the words of someone writing a URL.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase)
            => "a whole number",
        _ when type.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
        _ when type.Contains("double", StringComparison.OrdinalIgnoreCase) || type.Contains("decimal", StringComparison.OrdinalIgnoreCase)
            => "a number",
        _ => $"a value of type {type}",
    };
}
