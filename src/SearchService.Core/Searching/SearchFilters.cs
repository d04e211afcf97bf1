using Lucene.Net.Search;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The filter stage: the query that decides the matches narrowed by the request's facet and date filters, which
/// change which paragraphs match but not their scores. Facets are multi-select: a facet's values are counted without
/// its own filter (<see cref="Except"/>), so its other values stay selectable. A request's <see cref="SearchScope"/>
/// is never left out.
/// </summary>
internal sealed class SearchFilters
{
    private readonly Query matches;
    private readonly SearchRequest request;
    private readonly SpeakerIdentities? speakers;

    /// <param name="query">The parsed query; null: every paragraph matches.</param>
    /// <param name="speakers">Makes a speaker filter find every variant of the speaker's name; null: the value only.</param>
    public SearchFilters(Query? query, SearchRequest request, SpeakerIdentities? speakers = null)
    {
        matches = query ?? new MatchAllDocsQuery();
        // The scope is under every query here, own filters left out or not: nothing outside it is matched or counted.
        if (request.Scope is { } scope)
            matches = new FilteredQuery(matches, scope.ToFilter());
        this.request = request;
        this.speakers = speakers;
        Filtered = request.FacetFields().Where(f => request.FilterValues(f).Count > 0).ToList();
        Unfiltered = request.FacetFields().Except(Filtered).ToList();
        All = Except(null);
    }

    /// <summary>The query with every filter: the matches of the hits.</summary>
    public Query All { get; }

    /// <summary>The facets the request filters by.</summary>
    public IReadOnlyList<string> Filtered { get; }

    /// <summary>The facets it does not filter by: counted over the very matches of the hits.</summary>
    public IReadOnlyList<string> Unfiltered { get; }

    /// <summary>The query with every filter but one.</summary>
    /// <param name="field">A facet (or <see cref="IndexSchema.Date"/>, the date range) whose own filter is left out; null: none.</param>
    public Query Except(string? field)
    {
        var filters = new BooleanQuery();
        foreach (var facet in request.FacetFields().Where(f => f != field))
        {
            var values = request.FilterValues(facet);
            if (values.Count == 0)
                continue;
            var variants = facet == IndexSchema.Speaker && speakers is not null ? values.SelectMany(speakers.FilterValues).Distinct() : values;
            filters.Add(FacetValueQuery.AnyOf(facet, variants), Occur.MUST);
        }
        if (request.Dates is { } dates && field != IndexSchema.Date)
            filters.Add(dates.ToQuery(), Occur.MUST);
        return filters.Clauses.Count == 0 ? matches : new FilteredQuery(matches, new QueryWrapperFilter(filters));
    }
}
