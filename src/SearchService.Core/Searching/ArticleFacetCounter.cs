using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// Facet counts in articles: an article counts once for a value when any of its matching paragraphs has it, so the
/// counts agree with one-hit-per-article results (ticking a value with count 3 shows 3 articles).
/// </summary>
internal static class ArticleFacetCounter
{
    public static IReadOnlyDictionary<string, int> Count(IndexSearcher searcher, IEnumerable<ParagraphMatch> matches, string field)
    {
        var leaves = searcher.IndexReader.Leaves;
        var valuesByLeaf = new Dictionary<int, SortedSetDocValues?>();
        var articlesByValue = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var term = new BytesRef();
        foreach (var match in matches)
        {
            var leaf = ReaderUtil.SubIndex(match.Doc, leaves);
            if (!valuesByLeaf.TryGetValue(leaf, out var values))
                valuesByLeaf[leaf] = values = leaves[leaf].AtomicReader.GetSortedSetDocValues(field);
            if (values is null)
                continue;
            values.SetDocument(match.Doc - leaves[leaf].DocBase);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                values.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                if (!articlesByValue.TryGetValue(value, out var articles))
                    articlesByValue[value] = articles = new HashSet<string>(StringComparer.Ordinal);
                articles.Add(match.ArticleId);
            }
        }
        return articlesByValue.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
    }
}
