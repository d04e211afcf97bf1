using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Query-string parameters of <c>GET /search</c> that shape its answer: the page, the facets, the order, explanations
/// and re-ranking (what is searched is in <see cref="SearchScopeParameters"/>).
/// </summary>
public sealed class SearchResultParameters
{
    public const int MaxPageSize = 100;
    public const int MaxResultWindow = 10_000;
    public const int MaxFacetSize = 1_000;

    [Example("1")]
    [FromQuery(Name = "page")]
    [Description("Page number, from 1 (default 1). page × pageSize may not pass 10,000; beyond, follow the answers' next cursors (after).")]
    public int? Page { get; init; }

    [Example("10")]
    [FromQuery(Name = "pageSize")]
    [Description("Hits per page, 1 to 100 (default 10).")]
    public int? PageSize { get; init; }

    [Example("20")]
    [FromQuery(Name = "facetSize")]
    [Description("How many values each facet lists, most frequent first, 1 to 1,000 (default 20). Selected values are always listed.")]
    public int? FacetSize { get; init; }

    [Example("true")]
    [FromQuery(Name = "regionTree")]
    [Description("true: facets also hold regionTree, the region facet as a tree (continent → sub-region → country), each node counting the paragraphs about it or any place under it. Default false.")]
    public bool? RegionTree { get; init; }

    [Example("relevance")]
    [FromQuery(Name = "sort")]
    [Description("'relevance' (default; best match first, newest first when q is empty) or 'date' (newest article first). Ties go by article id, then paragraph order.")]
    public string? Sort { get; init; }

    [Example("month")]
    [FromQuery(Name = "dateFacet")]
    [Description("'year' or 'month': facets also hold date, the matches per year ('1987') or month ('1987-03') of publication, UTC, oldest first, in the unit of the hits; counted with every filter except from and to, so a timeline shows what lies outside the range too. Undated articles are not counted. Default: no date facet.")]
    public string? DateFacet { get; init; }

    [Example("false")]
    [FromQuery(Name = "explain")]
    [Description("true: each hit (when q is given) carries explanation: its score and, per matched word or phrase and field (text or title), what it added. For finding out why results surprise.")]
    public bool? Explain { get; init; }

    [Example("semantic")]
    [FromQuery(Name = "rerank")]
    [Description("'none' (default) or 'semantic': the best 20 hits (Search:SemanticRerankDepth) are ordered by meaning as well as words — a language model (arctic-embed-xs) ranks them by how close headline and paragraph come to q, and that ranking is fused with the words' (reciprocal rank fusion). Finds answers worded differently from the question; costs about 10 ms of CPU per re-ranked paragraph. Matches, total, facets and score (still the words' score) do not change; only the order of those hits. Only with q and sort=relevance.")]
    public string? Rerank { get; init; }

    [Example("eyJQb2ludEluVGltZSI6MS...")]
    [FromQuery(Name = "after")]
    [Description("The next cursor of an earlier answer, with the same q, syntax, filters, from, to, sort and collapse: the hits after that answer's last one, with no limit on depth (page stays 1; pageSize may change). Every page of a walk reads the index as it was when the walk began, so no hit is repeated or skipped while articles are added or replaced; a walk unused for 5 minutes expires (sort=relevance: a 400 naming after; newest first it goes on in the current index). Not with rerank=semantic, nor in cluster mode.")]
    public string? After { get; init; }

    /// <summary>Checks every parameter, the scope's first; returns the problem naming the first one at fault, or null with the request to run.</summary>
    public ProblemHttpResult? Validate(SearchScopeParameters scope, out SearchRequest request)
    {
        if (scope.ValidateScope(out request) is { } problem)
            return problem;
        var page = Page ?? 1;
        if (page < 1)
            return ParameterProblem.For("page", $"page counts from 1; {page} is not a page.");
        var pageSize = PageSize ?? 10;
        if (pageSize is < 1 or > MaxPageSize)
            return ParameterProblem.For("pageSize", $"pageSize must be between 1 and {MaxPageSize}; it was {pageSize}.");
        if ((long)page * pageSize > MaxResultWindow)
            return ParameterProblem.For("page",
                $"Results are available up to the {MaxResultWindow:N0}th hit; page {page} of size {pageSize} goes past that. Narrow the search instead.");
        var facetSize = FacetSize ?? 20;
        if (facetSize is < 1 or > MaxFacetSize)
            return ParameterProblem.For("facetSize", $"facetSize must be between 1 and {MaxFacetSize}; it was {facetSize}.");
        if (ParameterProblem.ReadChoice("sort", Sort, ResultOrder.Relevance, out var order,
                ("relevance", ResultOrder.Relevance), ("date", ResultOrder.Date)) is { } badSort)
            return badSort;
        if (ParameterProblem.ReadChoice<DateInterval?>("dateFacet", DateFacet, null, out var dateFacet,
                ("year", DateInterval.Year), ("month", DateInterval.Month)) is { } badDateFacet)
            return badDateFacet;
        if (ParameterProblem.ReadChoice("rerank", Rerank, false, out var semantic, ("none", false), ("semantic", true)) is { } badRerank)
            return badRerank;

        var after = string.IsNullOrWhiteSpace(After) ? null : After.Trim();
        if (after is not null && page > 1)
            return ParameterProblem.For("after", $"after continues from a cursor and takes no page (it was {page}); leave page out.");
        if (after is not null && semantic)
            return ParameterProblem.For("after", "after cannot follow rerank=semantic, which orders only the best 20 hits by meaning; page through them with page.");

        request = request with
        {
            Page = page, PageSize = pageSize, FacetSize = facetSize, RegionTree = RegionTree ?? false, Order = order,
            Explain = Explain ?? false, DateFacet = dateFacet, SemanticRerank = semantic, After = after,
        };
        return null;
    }
}
