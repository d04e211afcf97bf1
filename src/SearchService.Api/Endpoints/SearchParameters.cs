using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>Query-string parameters of <c>GET /search</c>.</summary>
public sealed class SearchParameters
{
    public const int MaxPageSize = 100;
    public const int MaxResultWindow = 10_000;
    public const int MaxQueryLength = 1_000;
    public const int MaxFilterValues = 20;
    public const int MaxFacetSize = 1_000;

    [Example("terrorism")]
    [FromQuery(Name = "q")]
    [Description("What to search for. Words are all required; \"quoted phrases\", -excluded, OR and prefix* work. Empty: every paragraph, newest article first. At most 1,000 characters.")]
    public string? Q { get; init; }

    [Example("simple")]
    [FromQuery(Name = "syntax")]
    [Description("How q is read: 'simple' (default; forgiving, never an error) or 'lucene' (full Lucene query syntax; a syntax error is a 400).")]
    public string? Syntax { get; init; }

    [Example("Afghanistan")]
    [FromQuery(Name = "region")]
    [Description("Only paragraphs about this region or a place within it (region=Asia includes paragraphs about Pakistan). Repeat for several: values of one facet are OR-ed, different facets AND-ed.")]
    public string[]? Region { get; init; }

    [Example("Counter-terrorism")]
    [FromQuery(Name = "topic")]
    [Description("Only paragraphs on this topic. Repeatable like region.")]
    public string[]? Topic { get; init; }

    [Example("Foreign Office")]
    [FromQuery(Name = "speaker")]
    [Description("Only paragraphs whose statements are attributed to this person or body, or in which they act. Repeatable like region.")]
    public string[]? Speaker { get; init; }

    [Example("1")]
    [FromQuery(Name = "page")]
    [Description("Page number, from 1 (default 1). page × pageSize may not pass 10,000.")]
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

    [Example("article")]
    [FromQuery(Name = "collapse")]
    [Description("'none' (default): every matching paragraph is a hit, and facet counts are in paragraphs. 'article': one hit per article, its best paragraph, with otherMatches (how many other paragraphs of the article match); totalArticles is given besides total (paragraphs), and facet counts are in articles (an article counts once for a value when any of its matching paragraphs has it). Use 'article' for a search box.")]
    public string? Collapse { get; init; }

    [Example("relevance")]
    [FromQuery(Name = "sort")]
    [Description("'relevance' (default; best match first, newest first when q is empty) or 'date' (newest article first). Ties go by article id, then paragraph order.")]
    public string? Sort { get; init; }

    [Example("1987-03-01")]
    [FromQuery(Name = "from")]
    [Description("Only articles published on or after this: a day (1987-03-01, from its start, UTC) or a date and time (1987-03-01T12:00:00Z; without a zone, UTC). Articles without a date are left out whenever from or to is given.")]
    public string? From { get; init; }

    [Example("1987-03-31")]
    [FromQuery(Name = "to")]
    [Description("Only articles published on or before this: a day (1987-03-31, to its end, UTC) or a date and time. Not before from.")]
    public string? To { get; init; }

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

    /// <summary>Checks every parameter; returns the problem naming the first one at fault, or null with the request to run.</summary>
    public ProblemHttpResult? Validate(out SearchRequest request)
    {
        request = null!;
        if (Q is { Length: > MaxQueryLength })
            return ParameterProblem.For("q", $"q may be at most {MaxQueryLength} characters long; it has {Q.Length}.");
        QuerySyntax syntax;
        switch (Syntax?.Trim().ToLowerInvariant())
        {
            case null or "" or "simple": syntax = QuerySyntax.Simple; break;
            case "lucene": syntax = QuerySyntax.Lucene; break;
            default: return ParameterProblem.For("syntax", $"syntax must be 'simple' or 'lucene', not '{Echo(Syntax)}'.");
        }
        foreach (var (name, values) in new[] { ("region", Region), ("topic", Topic), ("speaker", Speaker) })
        {
            if (values is { Length: > MaxFilterValues })
                return ParameterProblem.For(name, $"At most {MaxFilterValues} {name} values may be given at once; there were {values.Length}.");
        }
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

        ResultUnit unit;
        switch (Collapse?.Trim().ToLowerInvariant())
        {
            case null or "" or "none": unit = ResultUnit.Paragraph; break;
            case "article": unit = ResultUnit.Article; break;
            default: return ParameterProblem.For("collapse", $"collapse must be 'none' or 'article', not '{Echo(Collapse)}'.");
        }
        ResultOrder order;
        switch (Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance": order = ResultOrder.Relevance; break;
            case "date": order = ResultOrder.Date; break;
            default: return ParameterProblem.For("sort", $"sort must be 'relevance' or 'date', not '{Echo(Sort)}'.");
        }

        if (ReadDate("from", From, endOfDay: false, out var from) is { } badFrom)
            return badFrom;
        if (ReadDate("to", To, endOfDay: true, out var to) is { } badTo)
            return badTo;
        if (from > to)
            return ParameterProblem.For("to", $"to ({To}) is before from ({From}).");
        var dates = from is null && to is null ? null : new DateRange(from, to);
        DateInterval? dateFacet;
        switch (DateFacet?.Trim().ToLowerInvariant())
        {
            case null or "": dateFacet = null; break;
            case "year": dateFacet = DateInterval.Year; break;
            case "month": dateFacet = DateInterval.Month; break;
            default: return ParameterProblem.For("dateFacet", $"dateFacet must be 'year' or 'month', not '{Echo(DateFacet)}'.");
        }

        bool semantic;
        switch (Rerank?.Trim().ToLowerInvariant())
        {
            case null or "" or "none": semantic = false; break;
            case "semantic": semantic = true; break;
            default: return ParameterProblem.For("rerank", $"rerank must be 'none' or 'semantic', not '{Echo(Rerank)}'.");
        }

        request = new SearchRequest(Q, syntax, Clean(Region), Clean(Topic), Clean(Speaker), page, pageSize, facetSize,
            RegionTree ?? false, unit, order, Explain ?? false, dates, dateFacet, semantic);
        return null;
    }

    private static ProblemHttpResult? ReadDate(string name, string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!DateBound.TryParse(text.Trim(), endOfDay, out var bound))
            return ParameterProblem.For(name, $"{name} must be {DateBound.Forms}, not '{Echo(text)}'.");
        value = bound;
        return null;
    }

    /// <summary>What the caller sent, as the problem's detail repeats it: cut short, since a query string may be long.</summary>
    private static string Echo(string? value) =>
        value is { Length: > 40 } ? value[..(char.IsHighSurrogate(value[39]) ? 39 : 40)] + "…" : value ?? "";

    private static string[] Clean(string[]? values) =>
        values?.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray() ?? [];
}
