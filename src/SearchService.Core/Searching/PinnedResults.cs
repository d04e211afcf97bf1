using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// Puts a query's pinned articles (<see cref="PinnedQueries"/>, carried by <see cref="SearchRequest.Pinned"/>) before
/// its ranked hits, in the order given, as Elasticsearch's <c>pinned</c> query does: each as its best paragraph matching
/// the query, or its first paragraph when none does (an editor's choice need not share the query's words), so long as
/// it passes the request's filters and scope; one that does not, or does not exist, is left out. The ranked hits follow
/// without the pinned ones (with one hit per article, without any hit of a pinned article), so pages after the first
/// go on where it stopped; a cursor's pages (<see cref="CursorPaging"/>), which follow the ranked hits only, leave the
/// pinned ones out too. Matches, totals and facets are those of the query alone.
/// </summary>
internal static class PinnedResults
{
    /// <param name="matches">The query with every filter, scored as the ranked hits were.</param>
    /// <param name="allowed">Every filter without the query: where a pinned article that does not match may be shown from.</param>
    /// <param name="ordered">The ranked hits in their final order.</param>
    /// <param name="shown">False on a cursor's page after the first: the pinned hits were shown, and are only left out.</param>
    public static SemanticReranker.Reranking<RankedHit> Apply(
        IndexSearcher searcher, SearchRequest request, Query matches, Query allowed, SemanticReranker.Reranking<RankedHit> ordered, bool shown = true)
    {
        if (request.Pinned is not { Count: > 0 })
            return ordered;
        return Merge(ordered, Find(searcher, request, matches, allowed), h => h.Doc, h => ArticleIdOf(searcher.IndexReader, h.Doc),
            request.Unit == ResultUnit.Article, shown, h => h with { Pinned = true });
    }

    /// <summary>
    /// The request's pinned articles that this searcher holds and its filters allow, in the order pinned, each as its
    /// hit: its best paragraph matching the query, scored as the ranked hits are, else its first allowed paragraph.
    /// </summary>
    public static IReadOnlyList<RankedHit> Find(IndexSearcher searcher, SearchRequest request, Query matches, Query allowed)
    {
        var articles = request.Unit == ResultUnit.Article;
        var found = new List<RankedHit>();
        foreach (var id in (request.Pinned ?? []).Distinct())
        {
            var article = new TermQuery(new Term(IndexSchema.ArticleId, id));
            var best = searcher.Search(Both(article, matches), 1);
            var hit = best.TotalHits > 0
                ? new RankedHit(best.ScoreDocs[0].Doc, request.Query is null ? null : best.ScoreDocs[0].Score, articles ? best.TotalHits - 1 : null)
                : searcher.Search(Both(article, allowed), 1) is { TotalHits: > 0 } first
                    ? new RankedHit(first.ScoreDocs[0].Doc, null, articles ? 0 : null)
                    : null;
            if (hit is not null)
                found.Add(hit);
        }
        return found;
    }

    /// <summary>
    /// The pinned hits first, in the order found, each as the ranked hit of the same paragraph when there is one, then
    /// the ranked hits without them (with one hit per article, without any hit of a pinned article). One index and the
    /// gatherer of shards both order with it.
    /// </summary>
    /// <param name="pin">Marks a hit as pinned, where the hit carries the mark.</param>
    public static SemanticReranker.Reranking<T> Merge<T, TKey>(
        SemanticReranker.Reranking<T> ordered, IEnumerable<T> found, Func<T, TKey> keyOf, Func<T, string> articleOf, bool articles, bool shown,
        Func<T, T> pin)
        where T : class
        where TKey : notnull
    {
        var ranked = ordered.Order.ToDictionary(keyOf);
        var pinned = found.Select(hit => pin(ranked.GetValueOrDefault(keyOf(hit)) ?? hit)).ToList();
        var pinnedArticles = articles ? pinned.Select(articleOf).ToHashSet(StringComparer.Ordinal) : [];
        var pinnedKeys = pinned.Select(keyOf).ToHashSet();
        var rest = ordered.Order.Where(h => !pinnedKeys.Contains(keyOf(h)) && !(articles && pinnedArticles.Contains(articleOf(h))));
        return ordered with { Order = shown ? [.. pinned, .. rest] : [.. rest] };
    }

    /// <summary>The query's matches within one article, scored by the query alone.</summary>
    private static FilteredQuery Both(Query article, Query query) => new(query, new QueryWrapperFilter(article));

    private static string ArticleIdOf(IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var id = new BytesRef();
        leaf.AtomicReader.GetSortedDocValues(IndexSchema.ArticleId)?.Get(doc - leaf.DocBase, id);
        return id.Utf8ToString();
    }
}
