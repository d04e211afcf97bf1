using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Facet counts in articles: an article counts once for a value when any of its matching paragraphs has it, so the
/// counts agree with one-hit-per-article results (ticking a value with count 3 shows 3 articles).
/// </summary>
internal static class ArticleFacetCounter
{
    public static FacetTally Count(IndexSearcher searcher, IEnumerable<ParagraphMatch> matches, string field)
    {
        var leaves = searcher.IndexReader.Leaves;
        var ordinals = FacetOrdinals.For(searcher.IndexReader, field);
        var tally = new FacetTally(ordinals);
        var counts = tally.Counts;
        var valuesByLeaf = new Dictionary<int, SortedSetDocValues?>();
        var counted = new HashSet<(long Ord, string ArticleId)>();
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
                var global = ordinals.GlobalOrd(leaf, ord);
                if (counted.Add((global, match.ArticleId)))
                    counts[global]++;
            }
        }
        return tally;
    }
}
