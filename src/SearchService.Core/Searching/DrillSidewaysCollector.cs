using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// One pass for a search with one facet filtered: every document the query matches goes to <paramref name="sideways"/>
/// (which counts that facet without its own filter, so its other values stay selectable), and those that also pass
/// <paramref name="filter"/> go to <paramref name="main"/> (hits and the other facets). Two searches did this before,
/// the second repeating all the work of the first.
/// </summary>
internal sealed class DrillSidewaysCollector(Filter filter, ICollector main, ICollector sideways) : ICollector
{
    private FixedBitSet? passing;

    public bool AcceptsDocsOutOfOrder => main.AcceptsDocsOutOfOrder && sideways.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer)
    {
        main.SetScorer(scorer);
        sideways.SetScorer(scorer);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        main.SetNextReader(context);
        sideways.SetNextReader(context);
        passing = null;
        var iterator = filter.GetDocIdSet(context, context.AtomicReader.LiveDocs)?.GetIterator();
        if (iterator is null)
            return;
        passing = new FixedBitSet(context.AtomicReader.MaxDoc);
        for (var doc = iterator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.NextDoc())
            passing.Set(doc);
    }

    public void Collect(int doc)
    {
        sideways.Collect(doc);
        if (passing?.Get(doc) == true)
            main.Collect(doc);
    }
}
