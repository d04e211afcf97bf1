using System.Text.Json.Serialization;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// What an alert looks for: a query as <c>/search</c> reads it (<see cref="Q"/> in its <see cref="Syntax"/>) and the
/// same filters (facet values of one facet OR-ed, facets AND-ed; publication dates, both ends included).
/// </summary>
public sealed record SavedQuery(
    string Q,
    QuerySyntax Syntax = QuerySyntax.Simple,
    IReadOnlyList<string>? Region = null,
    IReadOnlyList<string>? Topic = null,
    IReadOnlyList<string>? Speaker = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    /// <summary>The search a paragraph must match: the query and its facet filters (dates are checked apart, <see cref="Dates"/>).</summary>
    internal SearchRequest ToSearchRequest() => new(Q, Syntax, Region, Topic, Speaker);

    /// <summary>The publication dates the alert is limited to; null: any, undated articles included.</summary>
    [JsonIgnore]
    public DateRange? Dates => From is null && To is null ? null : new DateRange(From, To);
}
