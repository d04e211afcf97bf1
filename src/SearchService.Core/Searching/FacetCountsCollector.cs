using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts the values of multi-valued facet fields (sorted-set doc values) over every document a search matches.
/// Counts per segment by ordinal, then merges by value when the segment ends.
/// </summary>
public sealed class FacetCountsCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> totals =
        fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] segmentValues = new SortedSetDocValues?[fields.Count];
    private readonly int[][] segmentCounts = new int[fields.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < fields.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[i]);
            segmentValues[i] = values;
            segmentCounts[i] = values is null ? [] : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < segmentValues.Length; i++)
        {
            var values = segmentValues[i];
            if (values is null)
                continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                segmentCounts[i][ord]++;
        }
    }

    /// <summary>Value → count for one field, over everything collected.</summary>
    public IReadOnlyDictionary<string, int> CountsOf(string field)
    {
        FlushSegment();
        return totals[field];
    }

    private void FlushSegment()
    {
        var term = new BytesRef();
        for (var i = 0; i < segmentValues.Length; i++)
        {
            var values = segmentValues[i];
            if (values is null)
                continue;
            var counts = segmentCounts[i];
            var total = totals[fields[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                    continue;
                values.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                total[value] = total.GetValueOrDefault(value) + counts[ord];
            }
            segmentValues[i] = null;
        }
    }
}
