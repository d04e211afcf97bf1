using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.OpenApi;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

public static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder app)
    {
        // Catch-all, because ids of .txt articles are paths relative to the corpus folder ("2021/seed.txt").
        app.MapGet("/articles/{**id}", Get)
            .WithName("GetArticle")
            .WithTags("Articles")
            .WithDescription("The article as indexed: title, date, byline, dateline, source, its region, topic and speaker facets, and each " +
                "paragraph (numbered from 1, as in search hits' ids) with its own facets. An id no article has is a 404 naming id.")
            .WithSummary("A whole article with its paragraphs and their facets")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<Ok<ArticleView>, ProblemHttpResult> Get(
        [Description("Article id: the id of a .jsonl article, or a .txt file's path relative to the corpus folder."),
         Example("pakistan-russia-counterterrorism-2021-11-23.txt")] string id,
        ArticleLookup articles) =>
        articles.Find(id) is { } article
            ? TypedResults.Ok(article)
            : TypedResults.Problem(
                detail: $"No article with id '{id}' is indexed.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Article not found",
                extensions: new Dictionary<string, object?> { ["parameter"] = "id" });
}
