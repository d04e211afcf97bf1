using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;
using SearchService.Api.Problems;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>Query-string parameters of <c>GET /quotes</c>: the words, the filters, the dates and the page.</summary>
public sealed class QuoteParameters
{
    [Example("Afghanistan")]
    [FromQuery(Name = "q")]
    [Description("Words that must all be in the statement's text (in any of their forms), at most 1,000 characters; statements are ranked by how well their text matches (BM25), as /search ranks paragraphs. Empty: every statement, newest first.")]
    public string? Q { get; init; }

    [Example("Foreign Office")]
    [FromQuery(Name = "speaker")]
    [Description("Only statements of this person or body; any of their names finds them all ('Volcker' and 'Paul Volcker'). Repeat for several: values of one facet are OR-ed, different facets AND-ed.")]
    public string[]? Speaker { get; init; }

    [Example("Asia")]
    [FromQuery(Name = "region")]
    [Description("Only statements in paragraphs about this region or a place within it. Repeatable like speaker.")]
    public string[]? Region { get; init; }

    [Example("Counter-terrorism")]
    [FromQuery(Name = "topic")]
    [Description("Only statements in paragraphs on this topic. Repeatable like speaker.")]
    public string[]? Topic { get; init; }

    [Example("warned")]
    [FromQuery(Name = "verb")]
    [Description("Only statements reported with this verb: said, told, added, noted, stated, warned, denied, urged, according to… (the verb facet lists them). Repeatable like speaker.")]
    public string[]? Verb { get; init; }

    [Example("2021-01-01")]
    [FromQuery(Name = "from")]
    [Description("Only statements of articles published on or after this: a day (2021-01-01, from its start, UTC) or a date and time. Undated articles are left out whenever from or to is given.")]
    public string? From { get; init; }

    [Example("2021-12-31")]
    [FromQuery(Name = "to")]
    [Description("Only statements of articles published on or before this: a day (to its end, UTC) or a date and time. Not before from.")]
    public string? To { get; init; }

    [Example("1")]
    [FromQuery(Name = "page")]
    [Description("Page number, from 1 (default 1). page × pageSize may not pass 10,000.")]
    public int? Page { get; init; }

    [Example("10")]
    [FromQuery(Name = "pageSize")]
    [Description("Statements per page, 1 to 100 (default 10).")]
    public int? PageSize { get; init; }

    /// <summary>Checks every parameter; returns the problem naming the first one at fault, or null with the request to run.</summary>
    public ProblemHttpResult? Validate(out QuoteRequest request)
    {
        request = null!;
        if (Q is { Length: > SearchScopeParameters.MaxQueryLength })
            return ParameterProblem.For("q", $"q may be at most {SearchScopeParameters.MaxQueryLength} characters long; it has {Q.Length}.");
        foreach (var (name, values) in new[] { ("speaker", Speaker), ("region", Region), ("topic", Topic), ("verb", Verb) })
        {
            if (values is { Length: > SearchScopeParameters.MaxFilterValues })
                return ParameterProblem.For(name, $"At most {SearchScopeParameters.MaxFilterValues} {name} values may be given at once; there were {values.Length}.");
        }
        if (SearchScopeParameters.ReadDate("from", From, endOfDay: false, out var from) is { } badFrom)
            return badFrom;
        if (SearchScopeParameters.ReadDate("to", To, endOfDay: true, out var to) is { } badTo)
            return badTo;
        if (from > to)
            return ParameterProblem.For("to", $"to ({To}) is before from ({From}).");
        var page = Page ?? 1;
        if (page < 1)
            return ParameterProblem.For("page", $"page counts from 1; {page} is not a page.");
        var pageSize = PageSize ?? 10;
        if (pageSize is < 1 or > SearchResultParameters.MaxPageSize)
            return ParameterProblem.For("pageSize", $"pageSize must be between 1 and {SearchResultParameters.MaxPageSize}; it was {pageSize}.");
        if ((long)page * pageSize > SearchResultParameters.MaxResultWindow)
            return ParameterProblem.For("page",
                $"Statements are available up to the {SearchResultParameters.MaxResultWindow:N0}th; page {page} of size {pageSize} goes past that. Narrow the search instead.");
        request = new QuoteRequest(Q, SearchScopeParameters.Clean(Speaker), SearchScopeParameters.Clean(Region), SearchScopeParameters.Clean(Topic),
            SearchScopeParameters.Clean(Verb), from is null && to is null ? null : new DateRange(from, to), page, pageSize);
        return null;
    }
}
