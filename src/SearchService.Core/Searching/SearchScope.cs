using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The part of the index a request may see at all, whatever it asks for: what a scoped search key allows. Unlike a
/// request's own filters it is not multi-select: every match, count, facet value, correction and suggestion comes
/// from inside it, as if the index held nothing else. Values of one field are OR-ed, fields AND-ed; an empty field
/// does not limit.
/// </summary>
/// <param name="Source">Publishers ("Business Recorder"), matched exactly.</param>
/// <param name="Fields">Other publisher fields (byline, section, language, fields.&lt;name&gt;) and their values, matched exactly.</param>
public sealed record SearchScope(
    IReadOnlyList<string>? Region = null,
    IReadOnlyList<string>? Topic = null,
    IReadOnlyList<string>? Speaker = null,
    IReadOnlyList<string>? Source = null,
    DateRange? Dates = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Fields = null)
{
    /// <summary>The filter a scoped query runs under; it changes which paragraphs match, never their scores.</summary>
    public Filter ToFilter()
    {
        var within = new BooleanQuery();
        var fixedFields = new[] { (IndexSchema.Region, Region), (IndexSchema.Topic, Topic), (IndexSchema.Speaker, Speaker), (IndexSchema.Source, Source) }
            .Concat((Fields ?? new Dictionary<string, IReadOnlyList<string>>()).Select(kv => (kv.Key, (IReadOnlyList<string>?)kv.Value)));
        foreach (var (field, values) in fixedFields)
        {
            if (values is { Count: > 0 })
                within.Add(FacetValueQuery.AnyOf(field, values), Occur.MUST);
        }
        if (Dates is { } dates)
            within.Add(dates.ToQuery(), Occur.MUST);
        if (within.Clauses.Count == 0)
            within.Add(new MatchAllDocsQuery(), Occur.MUST);
        return new CachingWrapperFilter(new QueryWrapperFilter(within));
    }

    /// <summary>Paragraphs of <paramref name="searcher"/>'s index inside <paramref name="scope"/> (<see cref="ToFilter"/>) that match <paramref name="query"/>.</summary>
    public static int Count(IndexSearcher searcher, Query query, Filter scope)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query, scope, count);
        return count.TotalHits;
    }

    /// <summary>Whether any paragraph of the article is inside the scope: then the whole article may be read.</summary>
    public bool Holds(IndexSearcher searcher, string articleId) =>
        Count(searcher, new TermQuery(new Term(IndexSchema.ArticleId, articleId)), ToFilter()) > 0;
}
