using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// Counts the values of multi-valued facet fields (sorted-set doc values) over every document a search matches,
/// straight into one array per field by global ordinal: no per-segment arrays, no strings until values are read.
/// </summary>
internal sealed class FacetCountsCollector : ICollector
{
    private readonly IReadOnlyList<string> fields;
    private readonly FacetOrdinals[] ordinals;
    private readonly FacetTally[] tallies;
    private readonly int[][] counts;
    private readonly SegmentOrdinals?[] segmentOrdinals;
    private int leafOrd;

    public FacetCountsCollector(IndexReader reader, IReadOnlyList<string> fields)
    {
        this.fields = fields;
        ordinals = fields.Select(f => FacetOrdinals.For(reader, f)).ToArray();
        tallies = ordinals.Select(o => new FacetTally(o)).ToArray();
        counts = tallies.Select(t => t.Counts).ToArray();
        segmentOrdinals = new SegmentOrdinals?[fields.Count];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        leafOrd = context.Ord;
        for (var i = 0; i < fields.Count; i++)
            segmentOrdinals[i] = SegmentOrdinals.For(context.AtomicReader, fields[i]);
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < segmentOrdinals.Length; i++)
        {
            if (segmentOrdinals[i] is not { } segment)
                continue;
            foreach (var ord in segment.Of(doc))
                counts[i][ordinals[i].GlobalOrd(leafOrd, ord)]++;
        }
    }

    /// <summary>The counts of one field, over everything collected. The caller disposes it.</summary>
    public FacetTally TallyOf(string field) => tallies[IndexOfField(field)];

    private int IndexOfField(string field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] == field)
                return i;
        }
        throw new ArgumentException($"Field {field} is not counted.", nameof(field));
    }
}
