using Lucene.Net.Search;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>An alert made ready to run against new paragraphs (<see cref="AlertQueryCompiler"/>).</summary>
/// <param name="Matches">The query with its facet filters, as <c>/search</c> would run it.</param>
/// <param name="Query">The query alone, for the snippets.</param>
/// <param name="Terms">Index terms (<c>field:term</c>) of which a matching paragraph has at least one; null: no such set is known.</param>
/// <param name="FilterTerms">One set per facet filter: a matching paragraph has at least one term of each.</param>
public sealed record AlertQuery(
    Alert Alert, Query Matches, Query Query, DateRange? Dates, IReadOnlySet<string>? Terms, IReadOnlyList<IReadOnlySet<string>> FilterTerms)
{
    /// <summary>Whether paragraphs with these index terms (<c>field:term</c>), of articles published on these dates, may pass the alert's filters.</summary>
    public bool PassesFilters(IReadOnlySet<string> paragraphTerms, IEnumerable<DateTimeOffset?> published) =>
        FilterTerms.All(any => any.Overlaps(paragraphTerms)) && published.Any(Covers);

    /// <summary>Whether the alert's dates take an article published then (any, undated included, when it has none).</summary>
    public bool Covers(DateTimeOffset? published) =>
        Dates is not { } dates || published is { } date && (dates.From is null || date >= dates.From) && (dates.To is null || date <= dates.To);
}
