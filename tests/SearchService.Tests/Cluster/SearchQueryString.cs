using System.Globalization;
using SearchService.Core.Searching;

namespace SearchService.Tests.Cluster;

/// <summary>A search request as the <c>/search</c> URL that asks for it (dates to the day).</summary>
public static class SearchQueryString
{
    public static string Of(SearchRequest request)
    {
        var parameters = new List<(string Name, string Value)>();
        if (request.Query is { } q)
            parameters.Add(("q", q));
        if (request.Syntax == QuerySyntax.Lucene)
            parameters.Add(("syntax", "lucene"));
        foreach (var facet in new[] { "region", "topic", "speaker" })
            parameters.AddRange(request.FilterValues(facet).Select(value => (facet, value)));
        if (request.Unit == ResultUnit.Article)
            parameters.Add(("collapse", "article"));
        if (request.Dates?.From is { } from)
            parameters.Add(("from", Day(from)));
        if (request.Dates?.To is { } to)
            parameters.Add(("to", Day(to)));
        parameters.Add(("page", Number(request.Page)));
        parameters.Add(("pageSize", Number(request.PageSize)));
        parameters.Add(("facetSize", Number(request.FacetSize)));
        if (request.RegionTree)
            parameters.Add(("regionTree", "true"));
        if (request.Order == ResultOrder.Date)
            parameters.Add(("sort", "date"));
        if (request.DateFacet is { } interval)
            parameters.Add(("dateFacet", interval == DateInterval.Month ? "month" : "year"));
        if (request.Explain)
            parameters.Add(("explain", "true"));
        return "/search?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
    }

    private static string Day(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
