using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Backends;
using SearchService.Api.Limits;
using SearchService.Api.Problems;
using SearchService.Api.Security;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SearchService.Api.Endpoints;

/// <summary>
/// <c>GET /export</c>: every match of a search as JSON lines, written as they are read (<see cref="MatchExport"/>), so
/// neither side holds them all. A read under the per-client rate limit and, as it reads every match, always one of the
/// expensive queries (<see cref="ExpensiveQueryLimiter"/>), for as long as it writes. A scoped search key's filters
/// limit it as they limit <c>/search</c>.
/// </summary>
public static class ExportEndpoints
{
    public const string ContentType = "application/x-ndjson";

    /// <summary>Lines written between two flushes: the client sees the export move without a flush per line.</summary>
    private const int LinesPerFlush = 256;

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export", Export)
            .RequireRateLimiting(RequestLimits.ReadsPolicy)
            .WithName("Export")
            .WithTags("Search")
            .WithSummary("Every match of a search, as JSON lines")
            .WithDescription(
                "Takes the same q, syntax, filters, from, to and collapse as /search and writes every match, one JSON object a line " +
                "(application/x-ndjson): id, articleId, paragraph, title, date, source, score (the words' score, before a question's re-scoring; " +
                "null without q), region, topic, speaker, and with collapse=article otherMatches; no text or snippets. Lines come in index " +
                "order (in cluster mode shard after shard, each shard's matches in its index order, fetched a page at a time), not ranked, " +
                "written as they are read, so any number of matches can be exported; with collapse=none their count is /search's total, " +
                "with collapse=article its totalArticles. The whole export reads one version of the index. It counts as an expensive query " +
                "for as long as it writes (Search:ExpensiveQueryConcurrency; 503 beyond), and stops when the client goes.")
            .Produces<ExportedHit>(StatusCodes.Status200OK, ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AcceptsScopedKeys();
        return app;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        [AsParameters] SearchScopeParameters scope, [AsParameters] ReadVersionParameters version, ISearchBackend searcher, ExpensiveQueryLimiter limiter,
        IOptions<JsonOptions> json, FilterFieldSet filterFields, ILoggerFactory loggers, HttpContext context)
    {
        if (scope.ValidateScope(out var request) is { } problem)
            return problem;
        if (FilterFieldQuery.Apply(filterFields, context.Request.Query, request, out request) is { } badField)
            return badField;
        if (version.Read(out var minVersion) is { } badVersion)
            return badVersion;
        request = request with { Scope = ScopedKeys.ScopeOf(context) };
        if (!limiter.TryEnter(out var permit))
            return ExpensiveQueryLimiter.Refused(context, "export", "try again in a second");
        try
        {
            // The floor and the token are the walk's first page's: each later page reads the same copies at the same point.
            var matches = await ReadVersionParameters.AnsweredAtAsync(searcher, minVersion, () => searcher.ExportAsync(request, context.RequestAborted), context);
            var logger = loggers.CreateLogger(typeof(ExportEndpoints).FullName!);
            return TypedResults.Stream(body => WriteAsync(body, matches, permit, json.Value.SerializerOptions, context, logger), ContentType);
        }
        catch (Exception e) when (QueryProblem.For(e) is { } refused)
        {
            permit?.Dispose();
            return refused;
        }
        catch
        {
            // In cluster mode the first page is read here, and a shard may not answer it (a 503 naming the shard).
            permit?.Dispose();
            throw;
        }
    }

    private static async Task WriteAsync(
        Stream body, IAsyncEnumerable<ExportedHit> matches, IDisposable? permit, JsonSerializerOptions options, HttpContext context, ILogger logger)
    {
        var aborted = context.RequestAborted;
        using (permit)
        {
            await using var lines = new BufferedStream(body, 64 * 1024);
            var written = 0;
            try
            {
                // Disposing the enumerator, however the loop ends, releases the export's point in time; in cluster
                // mode each page is awaited from the shards, so no thread is held while they answer.
                await foreach (var match in matches.WithCancellation(aborted))
                {
                    await lines.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(match, options), aborted);
                    await lines.WriteAsync(NewLine, aborted);
                    if (++written % LinesPerFlush == 0)
                        await lines.FlushAsync(aborted);
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client went: nobody reads the rest.
            }
            catch (ShardUnavailableException e)
            {
                // Cluster mode, a later page: a shard did not answer it, or its copy no longer holds the export's point
                // in time, and no other copy can go on from there. The status is out (a later page comes after the
                // first page's 500 lines, 256 of them flushed), so the connection is reset rather than the body ended:
                // a client reading it fails instead of taking the lines so far for the whole export.
                logger.LogWarning("Export ended after {Lines} lines: {Problem}", written, e.Message);
                context.Abort();
            }
        }
    }
}
