using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The facet counts of an answer, in the unit of the hits. Facets without a filter are counted in the pass over the
/// hits' matches (<see cref="IMatchPass"/>); each filtered facet is counted in a pass of its own without its own filter
/// (multi-select: its other values stay selectable), and so are the region tree and the date facet under a date range.
/// </summary>
internal static class FacetCounting
{
    /// <summary>Without a date range, the date facet counts the very matches of the hits, in their pass; null otherwise.</summary>
    public static DateHistogram? DatesInHitsPass(SearchRequest request) =>
        request is { DateFacet: { } interval, Dates: null } ? new DateHistogram(interval, request.Unit) : null;

    /// <param name="inHitsPass">The facets counted in the hits' pass; disposed here.</param>
    /// <param name="datesInHitsPass">The date facet counted in the hits' pass (<see cref="DatesInHitsPass"/>).</param>
    public static FacetCounts Count(
        IndexSearcher searcher, SearchFilters filters, SearchRequest request, IReadOnlyDictionary<string, FacetTally> inHitsPass, DateHistogram? datesInHitsPass)
    {
        var tallies = new Dictionary<string, FacetTally>(inHitsPass);
        try
        {
            foreach (var facet in filters.Filtered)
                tallies[facet] = Count(searcher, filters.Except(facet), facet, request.Unit);
            var regionTree = request.RegionTree
                ? RegionTree.Count(searcher, filters.Except(IndexSchema.Region), request.FacetSize)
                : null;
            var dates = datesInHitsPass?.Buckets() ?? (request.DateFacet is { } interval
                ? DateHistogram.Count(searcher, filters.Except(IndexSchema.Date), interval, request.Unit)
                : null);
            return new FacetCounts(
                Ranked(tallies[IndexSchema.Region], request.Region, request.FacetSize),
                Ranked(tallies[IndexSchema.Topic], request.Topic, request.FacetSize),
                Ranked(tallies[IndexSchema.Speaker], request.Speaker, request.FacetSize),
                regionTree,
                dates);
        }
        finally
        {
            foreach (var tally in tallies.Values)
                tally.Dispose();
        }
    }

    /// <summary>
    /// Values of one facet whose name has a word starting with <paramref name="prefix"/> (any case), counted like the
    /// facet in <see cref="Count(IndexSearcher, SearchFilters, SearchRequest, IReadOnlyDictionary{string, FacetTally}, DateHistogram?)"/>,
    /// most frequent first, then by value.
    /// </summary>
    public static IReadOnlyList<FacetValue> Values(IndexSearcher searcher, SearchFilters filters, ResultUnit unit, string facet, string prefix, int size)
    {
        using var counts = Count(searcher, filters.Except(facet), facet, unit);
        return counts.All()
            .Where(kv => HasWordStarting(kv.Key, prefix))
            .Select(kv => new FacetValue(kv.Key, kv.Value))
            .OrderByDescending(v => v.Count)
            .ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(size)
            .ToList();
    }

    private static FacetTally Count(IndexSearcher searcher, Query query, string facet, ResultUnit unit)
    {
        if (unit == ResultUnit.Article)
        {
            using var articles = new ArticleCollector(searcher.IndexReader, [facet]);
            searcher.Search(query, articles);
            return articles.TallyOf(facet);
        }
        var counts = new FacetCountsCollector(searcher.IndexReader, [facet]);
        searcher.Search(query, counts);
        return counts.TallyOf(facet);
    }

    private static bool HasWordStarting(string value, string prefix) =>
        prefix.Length == 0
        || value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        || value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Most frequent first, then by value; values the user selected are always listed, so they can be unticked.</summary>
    private static IReadOnlyList<FacetValue> Ranked(FacetTally counts, IReadOnlyList<string>? selected, int size)
    {
        var ranked = counts.Top(size);
        foreach (var value in selected ?? [])
        {
            if (ranked.All(v => v.Value != value))
                ranked.Add(new FacetValue(value, counts.CountOf(value)));
        }
        return ranked;
    }
}
