using System.ComponentModel;
using System.Globalization;
using System.Text;
using SearchService.Api.Backends;
using SearchService.Api.Http;
using SearchService.Api.Limits;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The service's own HTML pages: the demo of the search box at <c>/</c>, and the article as a page, where the search
/// box links by default: <c>/view/{id}#p3</c> scrolls to paragraph 3 and highlights it (the browser's own fragment
/// navigation and CSS <c>:target</c>; the page runs no script). An unknown id is a page saying so for a browser (which
/// asks for HTML), and a problem naming <c>id</c> for any other client. Under the article, the articles most like it
/// by words (<see cref="IRelatedArticleFinder"/>: one index's, or the shards' in cluster mode).
/// </summary>
public static class PageEndpoints
{
    /// <summary>Related articles listed under an article: a short list a reader scans.</summary>
    private const int RelatedShown = 5;

    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireRateLimiting(RequestLimits.ReadsPolicy).WithMetadata(AnyQueryParameters.Instance);
        pages.MapGet("/", Demo)
            .WithName("Demo")
            .WithTags("Widget")
            .WithDescription("An HTML page with the search box searching this service, and the two lines of HTML that embed it on another site.")
            .WithSummary("A demo page: the search box over this service, and the two lines that embed it");
        pages.MapGet("/view/{**id}", View)
            .WithName("ViewArticle")
            .WithTags("Articles")
            .WithDescription("Title, date, byline and paragraphs as HTML (no script); where the search box's results link. An unknown id is " +
                "a 404: a page saying so for a browser (Accept: text/html), a problem naming id for any other client.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The article as an HTML page; #pN in the address highlights paragraph N and scrolls to it")
            .AcceptsScopedKeys();
        return app;
    }

    private static IResult Demo([Description("Starts the demo with this search, so a demo can be linked to (/?q=terrorism).")] string? q,
        WidgetAssets assets, HttpContext context)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var query = (q ?? "").Length <= SearchScopeParameters.MaxQueryLength ? q ?? "" : "";
        return Pages.Html(context, assets.DemoPage
            .Replace("{{origin}}", HtmlTextEncoder.Encode(origin))
            .Replace("{{query}}", HtmlTextEncoder.Encode(query)));
    }

    private static async Task<IResult> View(string id, IArticleBackend articles, WidgetAssets assets, HttpContext context)
    {
        if (await articles.FindAsync(id, ScopedKeys.ScopeOf(context), context.RequestAborted) is not { } article)
        {
            var detail = $"No article with id “{id}” is indexed.";
            if (!AsksForHtml(context.Request))
                return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Article not found",
                    extensions: new Dictionary<string, object?> { ["parameter"] = "id" });
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Pages.Html(context, Fill(assets, "Article not found", detail, "", ""));
        }

        var meta = string.Join(" · ", new[] { article.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), article.Byline, article.Dateline, article.Source }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        var paragraphs = new StringBuilder();
        foreach (var paragraph in article.Paragraphs)
            paragraphs.Append($"<p id=\"p{paragraph.Paragraph}\">{HtmlTextEncoder.Encode(paragraph.Text)}</p>\n");
        return Pages.Html(context, Fill(assets, article.Title, meta, paragraphs.ToString(), await RelatedListAsync(article.Id, context)));
    }

    /// <summary>
    /// The related articles as a list of links, or nothing: none, or (in cluster mode) a shard not answering, since the
    /// article itself is read from PostgreSQL and is worth showing without them.
    /// </summary>
    private static async Task<string> RelatedListAsync(string articleId, HttpContext context)
    {
        var scope = new SearchRequest(null, Scope: ScopedKeys.ScopeOf(context));
        RelatedArticles? related;
        try
        {
            related = await context.RequestServices.GetRequiredService<IRelatedArticleFinder>().FindAsync(new RelatedRequest(articleId, scope, RelatedShown));
        }
        catch (ShardUnavailableException)
        {
            return "";
        }
        if (related is not { Hits.Count: > 0 })
            return "";
        var list = new StringBuilder("<nav aria-labelledby=\"related\">\n  <h2 id=\"related\">Related</h2>\n  <ul>\n");
        foreach (var hit in related.Hits)
        {
            var date = hit.Date is { } day ? $" <span class=\"date\">{day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}</span>" : "";
            list.Append($"    <li><a href=\"/view/{HtmlTextEncoder.Encode(PathOf(hit.ArticleId))}\">{HtmlTextEncoder.Encode(hit.Title)}</a>{date}</li>\n");
        }
        return list.Append("  </ul>\n</nav>").ToString();
    }

    /// <summary>An article id as a path under /view/: each segment escaped, its slashes kept (/view/{**id} takes them).</summary>
    private static string PathOf(string articleId) => string.Join('/', articleId.Split('/').Select(Uri.EscapeDataString));

    private static bool AsksForHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Fill(WidgetAssets assets, string title, string meta, string paragraphsHtml, string relatedHtml) =>
        assets.ArticlePage
            .Replace("{{title}}", HtmlTextEncoder.Encode(title))
            .Replace("{{meta}}", HtmlTextEncoder.Encode(meta))
            .Replace("{{paragraphs}}", paragraphsHtml)
            .Replace("{{related}}", relatedHtml);
}
