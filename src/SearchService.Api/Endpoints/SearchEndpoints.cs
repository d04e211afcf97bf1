using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Analytics;
using SearchService.Api.Backends;
using SearchService.Api.Limits;
using SearchService.Api.Observability;
using SearchService.Api.Problems;
using SearchService.Api.Security;
using SearchService.Api.Widget;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Reading the index: <c>/search</c>, <c>/facets/{name}</c> and <c>/suggest</c>, each a read under the per-client rate
/// limit. A search box on another site may call all three; the two that run queries of the
/// caller's syntax or the language model share the cap on expensive queries. A scoped search key's filters limit all
/// three (<see cref="ScopedKeys"/>).
/// </summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        // Read at start-up, not at the first search, so a bad file is reported at once.
        app.ServiceProvider.GetRequiredService<PinnedQueries>();
        var search = app.MapGroup("").RequireRateLimiting(RequestLimits.ReadsPolicy);
        search.MapGet("/search", Search)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Ranked paragraphs with highlighted snippets and facet counts")
            .WithDescription(
                "Searches paragraphs. total is in paragraphs; with collapse=article, hits are articles (their best paragraph), " +
                "totalArticles counts matching articles and every facet count is in articles; otherwise facet counts are in paragraphs. " +
                "Counts cover all matches (not only this page). " +
                "Each facet is counted with every filter applied except its own, so a UI can offer multi-select. " +
                "The publisher fields Search:FilterFields names (section, fields.desk, ...) are filters too (section=Markets) and are counted " +
                "in facets.fields the same way; naming a publisher field that is not configured is a 400 naming it. " +
                "Every answer but the last page carries next, a cursor: pass it as after for the following hits, to any depth.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .LimitExpensiveQueries()
            .AddEndpointFilter<SearchCounting>()
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();
        search.MapGet("/facets/{name}", Values)
            .WithName("FacetValues")
            .WithTags("Search")
            .WithSummary("Values of one facet matching a prefix, with counts under the current query and filters")
            .WithDescription(
                "For pickers over facets with thousands of values (speakers, regions). Takes the same q, syntax, filters, " +
                "from, to and collapse as /search; counts are those /search would show for this facet: every filter applied except " +
                "the facet's own, in paragraphs, or in articles with collapse=article.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .LimitExpensiveQueries()
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();
        search.MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithTags("Search")
            .WithDescription(
                "Facet values with a word starting as the last word of q come first (at most three; kind region, topic or speaker), then " +
                "queries often searched here that found something (kind query; count in searches; not for a scoped key), then " +
                "words of the paragraphs and two-word phrases of headlines and lead paragraphs (kind term) completing the last word, or the " +
                "last two, most frequent first; count is in paragraphs for a word, in articles for a phrase. Read from a vocabulary rebuilt " +
                "in the background for each index version, so it may lag a change by a few seconds.")
            .WithSummary("Completions for what the user is typing: frequent words and phrases, and matching facet values")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireCors(WidgetCors.PolicyName)
            .AcceptsScopedKeys();
        return app;
    }

    private static async Task<Results<Ok<SearchResult>, ProblemHttpResult>> Search(
        [AsParameters] SearchScopeParameters scope, [AsParameters] SearchResultParameters result, [AsParameters] RecencyParameters recency,
        [AsParameters] ReadVersionParameters version, ISearchBackend searcher, PinnedQueries pins, FilterFieldSet filterFields, ServiceMetrics metrics, HttpContext context)
    {
        if (result.Validate(scope, out var request) is { } problem)
            return problem;
        if (FilterFieldQuery.Apply(filterFields, context.Request.Query, request, out request) is { } badField)
            return badField;
        if (recency.Apply(request, out request) is { } badRecency)
            return badRecency;
        if (version.Read(out var minVersion) is { } badVersion)
            return badVersion;
        request = request with { Scope = ScopedKeys.ScopeOf(context), Pinned = pins.For(request.Query) };
        if (request.SemanticRerank && !searcher.CanRerankSemantically)
            return ParameterProblem.For("rerank", "Semantic re-ranking is turned off on this server (Search:SemanticRerankDepth is 0).");
        return await AnswerAsync(async () => metrics.Searched(request,
            await ReadVersionParameters.AnsweredAtAsync(searcher, minVersion, () => searcher.SearchAsync(request, context.RequestAborted), context)));
    }

    private static async Task<Results<Ok<FacetValuesResult>, ProblemHttpResult>> Values(
        string name, [AsParameters] SearchScopeParameters search, [AsParameters] FacetValueParameters parameters,
        [AsParameters] ReadVersionParameters version, ISearchBackend searcher, FilterFieldSet filterFields, HttpContext context)
    {
        // Whatever its case, as the query parameters are read (/search?Region= filters).
        if ((IndexSchema.FacetFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)) ?? filterFields.Named(name)) is not { } facet)
            return ParameterProblem.For("name", $"'{name}' is not a facet; the facets are {string.Join(", ", [.. IndexSchema.FacetFields, .. filterFields.Names])}.");
        if (parameters.Prefix is { Length: > FacetValueParameters.MaxPrefixLength })
            return ParameterProblem.For("prefix", $"prefix may be at most {FacetValueParameters.MaxPrefixLength} characters long.");
        var size = parameters.Size ?? 20;
        if (size is < 1 or > SearchResultParameters.MaxFacetSize)
            return ParameterProblem.For("size", $"size must be between 1 and {SearchResultParameters.MaxFacetSize}; it was {size}.");
        if (search.ValidateScope(out var request) is { } problem)
            return problem;
        if (FilterFieldQuery.Apply(filterFields, context.Request.Query, request, out request) is { } badField)
            return badField;
        if (version.Read(out var minVersion) is { } badVersion)
            return badVersion;
        request = request with { Scope = ScopedKeys.ScopeOf(context) };
        var prefix = parameters.Prefix?.Trim() ?? "";
        var unit = request.Unit == ResultUnit.Article ? "articles" : "paragraphs";
        return await AnswerAsync(async () => new FacetValuesResult(facet, prefix, unit, await ReadVersionParameters.AnsweredAtAsync(
            searcher, minVersion, () => searcher.FacetValuesAsync(request, facet, prefix, size, context.RequestAborted), context)));
    }

    private static async Task<Results<Ok<SuggestResult>, ProblemHttpResult>> Suggest(
        [AsParameters] SuggestParameters parameters, ISearchBackend searcher, SearchAnalytics analytics, HttpContext context)
    {
        if (parameters.Validate(out var typed, out var size) is { } problem)
            return problem;
        var clock = Stopwatch.StartNew();
        var scope = ScopedKeys.ScopeOf(context);
        var suggestions = analytics.WithPopular(typed, size, scope is not null, await searcher.SuggestAsync(typed, size, scope, context.RequestAborted));
        return TypedResults.Ok(new SuggestResult(typed, clock.Elapsed.TotalMilliseconds, suggestions));
    }

    /// <summary>Runs a query, answering a query that cannot be parsed or was refused, or a cursor that cannot be followed, as a problem naming the parameter.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> AnswerAsync<T>(Func<Task<T>> query)
    {
        try
        {
            return TypedResults.Ok(await query());
        }
        catch (Exception e) when (QueryProblem.For(e) is { } problem)
        {
            return problem;
        }
    }
}
