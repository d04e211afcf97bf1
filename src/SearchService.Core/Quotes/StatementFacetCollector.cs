using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Quotes;

/// <summary>Counts the values of one facet (sorted-set doc values) over every statement a search matches.</summary>
internal sealed class StatementFacetCollector(string field) : ICollector
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private SortedSetDocValues? values;
    private int[] segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Each value with its count; call once collecting is over.</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            Flush();
            return counts;
        }
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        values = context.AtomicReader.GetSortedSetDocValues(field);
        segmentCounts = values is null ? [] : new int[values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (values is null)
            return;
        values.SetDocument(doc);
        long ord;
        while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            segmentCounts[ord]++;
    }

    // Segment ordinals are turned into values once a segment is done.
    private void Flush()
    {
        if (values is null)
            return;
        var term = new Lucene.Net.Util.BytesRef();
        for (var ord = 0; ord < segmentCounts.Length; ord++)
        {
            if (segmentCounts[ord] == 0)
                continue;
            values.LookupOrd(ord, term);
            var value = term.Utf8ToString();
            counts[value] = counts.GetValueOrDefault(value) + segmentCounts[ord];
        }
        values = null;
        segmentCounts = [];
    }
}
