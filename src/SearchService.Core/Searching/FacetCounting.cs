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
        using var tallies = Tally(searcher, filters, request, inHitsPass, datesInHitsPass);
        return new FacetCounts(
            Ranked(tallies.Facets[IndexSchema.Region], request.Region, request.FacetSize),
            Ranked(tallies.Facets[IndexSchema.Topic], request.Topic, request.FacetSize),
            Ranked(tallies.Facets[IndexSchema.Speaker], request.Speaker, request.FacetSize),
            tallies.RegionPaths is { } paths ? RegionTree.Build(paths.All(), request.FacetSize) : null,
            tallies.Dates,
            request.Fields?.Counted.ToDictionary(f => f, f => Ranked(tallies.Facets[f], request.FilterValues(f), request.FacetSize)));
    }

    /// <summary>
    /// Every count behind <see cref="Count"/>, none cut to its top values: what a shard gives for counts summed over
    /// shards. The caller disposes it.
    /// </summary>
    /// <param name="inHitsPass">The facets counted in the hits' pass; disposed with the result.</param>
    public static FacetTallies Tally(
        IndexSearcher searcher, SearchFilters filters, SearchRequest request, IReadOnlyDictionary<string, FacetTally> inHitsPass, DateHistogram? datesInHitsPass)
    {
        var tallies = new Dictionary<string, FacetTally>(inHitsPass);
        FacetTally? regionPaths = null;
        try
        {
            foreach (var facet in filters.Filtered)
                tallies[facet] = Count(searcher, filters.Except(facet), facet, request.Unit);
            if (request.RegionTree)
            {
                // A tree node counts paragraphs about it or any place under it, each once: in paragraphs whatever the unit.
                var paths = new FacetCountsCollector(searcher.IndexReader, [IndexSchema.RegionPath]);
                searcher.Search(filters.Except(IndexSchema.Region), paths);
                regionPaths = paths.TallyOf(IndexSchema.RegionPath);
            }
            var dates = datesInHitsPass?.Buckets() ?? (request.DateFacet is { } interval
                ? DateHistogram.Count(searcher, filters.Except(IndexSchema.Date), interval, request.Unit)
                : null);
            return new FacetTallies(tallies, regionPaths, dates);
        }
        catch
        {
            foreach (var tally in tallies.Values)
                tally.Dispose();
            regionPaths?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Values of one facet whose name has a word starting with <paramref name="prefix"/> (any case), counted like the
    /// facet in <see cref="Count"/>, most frequent first, then by value.
    /// </summary>
    public static IReadOnlyList<FacetValue> Values(IndexSearcher searcher, SearchFilters filters, ResultUnit unit, string facet, string prefix, int size) =>
        Listed(AllValues(searcher, filters, unit, facet), prefix, size);

    /// <summary>Every value of one facet counted like the facet in <see cref="Count"/>.</summary>
    public static Dictionary<string, int> AllValues(IndexSearcher searcher, SearchFilters filters, ResultUnit unit, string facet)
    {
        using var counts = Count(searcher, filters.Except(facet), facet, unit);
        return counts.All();
    }

    /// <summary>The counted values whose name has a word starting with <paramref name="prefix"/>, most frequent first, then by value.</summary>
    public static IReadOnlyList<FacetValue> Listed(IReadOnlyDictionary<string, int> counts, string prefix, int size) =>
        counts
            .Where(kv => HasWordStarting(kv.Key, prefix))
            .Select(kv => new FacetValue(kv.Key, kv.Value))
            .OrderByDescending(v => v.Count)
            .ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(size)
            .ToList();

    /// <summary>
    /// Counted values as <see cref="Count"/> lists them: most frequent first, then by value as the index orders values
    /// (<see cref="Utf8Order"/>); values the user selected are always listed, so they can be unticked.
    /// </summary>
    public static IReadOnlyList<FacetValue> Ranked(IReadOnlyDictionary<string, int> counts, IReadOnlyList<string>? selected, int size)
    {
        var ranked = TopSelection.Best(
            counts.Where(kv => kv.Value > 0).Select(kv => new FacetValue(kv.Key, kv.Value)),
            size,
            Comparer<FacetValue>.Create((x, y) => y.Count.CompareTo(x.Count) is var byCount and not 0 ? byCount : Utf8Order.Instance.Compare(x.Value, y.Value)));
        return WithSelected(ranked, selected, value => counts.GetValueOrDefault(value));
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

    /// <summary>Most frequent first, then by value (ordinal order).</summary>
    private static IReadOnlyList<FacetValue> Ranked(FacetTally counts, IReadOnlyList<string>? selected, int size) =>
        WithSelected(counts.Top(size), selected, counts.CountOf);

    /// <summary>Values the user selected are always listed, so they can be unticked.</summary>
    private static IReadOnlyList<FacetValue> WithSelected(List<FacetValue> ranked, IReadOnlyList<string>? selected, Func<string, int> countOf)
    {
        foreach (var value in selected ?? [])
        {
            if (ranked.All(v => v.Value != value))
                ranked.Add(new FacetValue(value, countOf(value)));
        }
        return ranked;
    }
}
