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
    private readonly SortedSetDocValues?[] segmentValues;
    private int leafOrd;

    public FacetCountsCollector(IndexReader reader, IReadOnlyList<string> fields)
    {
        this.fields = fields;
        ordinals = fields.Select(f => FacetOrdinals.For(reader, f)).ToArray();
        tallies = ordinals.Select(o => new FacetTally(o)).ToArray();
        counts = tallies.Select(t => t.Counts).ToArray();
        segmentOrdinals = new SegmentOrdinals?[fields.Count];
        segmentValues = new SortedSetDocValues?[fields.Count];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        leafOrd = context.Ord;
        for (var i = 0; i < fields.Count; i++)
        {
            // The in-memory ordinals when built; the doc values until then.
            var built = SegmentOrdinals.TryGet(context.AtomicReader, fields[i], out segmentOrdinals[i]);
            segmentValues[i] = built ? null : context.AtomicReader.GetSortedSetDocValues(fields[i]);
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < segmentValues.Length; i++)
        {
            if (segmentOrdinals[i] is { } segment)
            {
                foreach (var ord in segment.Of(doc))
                    counts[i][ordinals[i].GlobalOrd(leafOrd, ord)]++;
            }
            else if (segmentValues[i] is { } values)
            {
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    counts[i][ordinals[i].GlobalOrd(leafOrd, ord)]++;
            }
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
