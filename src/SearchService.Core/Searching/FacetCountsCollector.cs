using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts the values of multi-valued facet fields (sorted-set doc values) over every document a search matches,
/// straight into one array per field by global ordinal: no per-segment arrays, no strings until values are read.
/// </summary>
internal sealed class FacetCountsCollector : ICollector
{
    private readonly FacetFieldReader[] readers;
    private readonly FacetTally[] tallies;
    private readonly int[][] counts;
    // Per field, the current segment's ordinals when they can be counted straight (in memory, global), so that the loop
    // over every match skips the reader's checks: counting was over a third of the samples in that loop (a profile of
    // the benchmark's plain queries).
    private readonly SegmentOrdinals?[] direct;

    public FacetCountsCollector(IndexReader reader, IReadOnlyList<string> fields)
    {
        readers = fields.Select(f => new FacetFieldReader(reader, f)).ToArray();
        tallies = readers.Select(r => new FacetTally(r.Ordinals)).ToArray();
        counts = tallies.Select(t => t.Counts).ToArray();
        direct = new SegmentOrdinals?[readers.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i].SetNextReader(context);
            direct[i] = readers[i].GlobalInMemory;
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < readers.Length; i++)
        {
            if (direct[i] is { } ordinals)
                ordinals.CountInto(doc, counts[i]);
            else
                readers[i].Count(doc, counts[i]);
        }
    }

    /// <summary>The counts of one field, over everything collected. The caller disposes it.</summary>
    public FacetTally TallyOf(string field)
    {
        var index = Array.FindIndex(readers, f => f.Field == field);
        return index >= 0 ? tallies[index] : throw new ArgumentException($"Field {field} is not counted.", nameof(field));
    }
}
