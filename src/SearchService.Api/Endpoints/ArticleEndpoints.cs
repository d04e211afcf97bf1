using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Backends;
using SearchService.Api.Limits;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Articles: reading one (a rate-limited read a search box on another site may make) and writing through the API,
/// behind the admin key: each answered write is on disk (journaled) and searchable before its 2xx leaves.
/// </summary>
public static class ArticleEndpoints
{
    private const int BadLinesListed = 100;

    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/articles");
        // Catch-all, because ids of .txt articles are paths relative to the corpus folder ("2021/seed.txt").
        articles.MapGet("/{**id}", Get)
            .WithName("GetArticle")
            .WithTags("Articles")
            .WithDescription("The article as indexed: title, date, byline, dateline, source, the publisher's url, section, language and fields, its region, topic and speaker facets, and each " +
                "paragraph (numbered from 1, as in search hits' ids) with its own facets. An id no article has is a 404 naming id; so is an " +
                "article a scoped key's filters leave out (none of its paragraphs passes them).")
            .WithSummary("A whole article with its paragraphs and their facets")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(RequestLimits.ReadsPolicy)
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();

        var writes = articles.MapAdminGroup("");
        writes.MapPut("/{**id}", Put)
            .WithName("PutArticle")
            .WithDescription("The body: title, paragraphs (a list) or body (text split at blank lines), optional date, dateline, source, byline, " +
                "and the publisher's url, section, language and fields; a bad url or field is a 400 naming it (url, fields.desk). " +
                "An id, if given, must be the path's. 201 for a new article, 200 for a replaced one, answered once the write is journaled " +
                "(fsynced) and searchable (in cluster mode once PostgreSQL committed it; see refresh). An API write stands over a corpus file of the same id changed later.")
            .WithSummary("Create or replace one article (JSON as one line of a .jsonl corpus file)")
            .Accepts<ArticleBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        writes.MapDelete("/{**id}", Delete)
            .WithName("DeleteArticle")
            .WithDescription("204 once the deletion is journaled (fsynced) and no longer searchable (in cluster mode once committed; see refresh); 404 naming id when no article has the id.")
            .WithSummary("Delete one article")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/_bulk", Bulk)
            .WithName("BulkArticles")
            .WithDescription("One article a line, as PUT /articles/{id} takes it, with its id. Answers how many lines were read, written and " +
                "refused, with the first 100 refused lines and why. A body cut off midway (or over Search:MaxBulkBodyBytes: 413) leaves " +
                "the lines before the cut written, and the problem says how many.")
            .WithSummary("Create or replace many articles: a JSON-lines body, read as it arrives")
            .Accepts<string>("application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> Get(
        [Description("Article id: the id of a .jsonl article, or a .txt file's path relative to the corpus folder."),
         Example("pakistan-russia-counterterrorism-2021-11-23.txt")] string id,
        IArticleBackend articles, HttpContext context) =>
        await articles.FindAsync(id, ScopedKeys.ScopeOf(context), context.RequestAborted) is { } article
            ? TypedResults.Ok(article)
            : TypedResults.Problem(
                detail: $"No article with id '{id}' is indexed.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Article not found",
                extensions: new Dictionary<string, object?> { ["parameter"] = "id" });

    private static async Task<Results<Ok<WriteResult>, Created<WriteResult>, ProblemHttpResult>> Put(
        [Description("Article id; a body's own \"id\", if any, must be the same."), Example("reuters-2024-0001")] string id,
        [Description(WriteRefresh.Description), Example("wait_for")] string? refresh,
        HttpRequest request, IArticleBackend store, CancellationToken cancellation)
    {
        if (WriteRefresh.Read(refresh, out var wait) is { } refreshProblem)
            return refreshProblem;
        // The catch-all route leaves escapes such as %2F in place; the id is checked as a client may have meant it too.
        if ((ArticleIds.Problem(id) ?? ArticleIds.Problem(Uri.UnescapeDataString(id))) is { } idProblem)
            return ParameterProblem.For("id", idProblem);
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellation) as JsonObject;
        }
        catch (JsonException e)
        {
            // Where it broke, in the server's words: the reader's own message names .NET internals.
            return ParameterProblem.For("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        if (body is null)
            return ParameterProblem.For("body", "The body must be a JSON object with \"title\" and \"paragraphs\" or \"body\".");
        if (body["id"] is { } bodyId && (bodyId.GetValueKind() != JsonValueKind.String || (string?)bodyId != id))
            return ParameterProblem.For("id", $"The body's \"id\" is not the id in the path ('{id}').");
        body["id"] = id;
        var article = JsonlArticleReader.ParseLine(body.ToJsonString(), out var problem, out var field);
        if (article is null)
            return ParameterProblem.For(field ?? "body", $"Not an article: {problem}.");

        var existed = await store.ExistsAsync(id, cancellation);
        var written = await store.PutAsync(article, cancellation);
        await WriteRefresh.AnswerAsync(request.HttpContext.Response, store, written, wait, cancellation);
        var result = new WriteResult(id, article.Paragraphs.Count);
        return existed ? TypedResults.Ok(result) : TypedResults.Created($"/articles/{Uri.EscapeDataString(id)}", result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        [Description("Article id."), Example("reuters-2024-0001")] string id,
        [Description(WriteRefresh.Description), Example("wait_for")] string? refresh,
        HttpContext context, IArticleBackend store, CancellationToken cancellation)
    {
        if (WriteRefresh.Read(refresh, out var wait) is { } refreshProblem)
            return refreshProblem;
        if (await store.DeleteAsync(id, cancellation) is not { } written)
            return TypedResults.Problem(detail: $"No article with id '{id}' is indexed.", statusCode: StatusCodes.Status404NotFound,
                title: "Article not found", extensions: new Dictionary<string, object?> { ["parameter"] = "id" });
        await WriteRefresh.AnswerAsync(context.Response, store, written, wait, cancellation);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<BulkAnswer>, ProblemHttpResult>> Bulk(
        [Description(WriteRefresh.Description), Example("wait_for")] string? refresh,
        HttpContext context, IArticleBackend store, IOptions<AccessOptions> access, CancellationToken cancellation)
    {
        if (WriteRefresh.Read(refresh, out var wait) is { } refreshProblem)
            return refreshProblem;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = access.Value.MaxBulkBodyBytes;
        var badLines = new List<BadLine>();
        var (result, written) = await store.BulkAsync(context.Request.Body, (line, problem) =>
        {
            if (badLines.Count < BadLinesListed)
                badLines.Add(new BadLine(line, problem));
        }, cancellation);
        await WriteRefresh.AnswerAsync(context.Response, store, written, wait, cancellation);
        return TypedResults.Ok(new BulkAnswer(result.Lines, result.Written, result.Failed, badLines));
    }
}

/// <summary>An article written: its id and how many paragraphs it has.</summary>
public sealed record WriteResult(string Id, int Paragraphs);

/// <summary>What a bulk write did: lines read, articles written, lines refused, and the first 100 refused lines with the reason.</summary>
public sealed record BulkAnswer(int Lines, int Written, int Failed, IReadOnlyList<BadLine> Errors);

public sealed record BadLine(int Line, string Problem);

