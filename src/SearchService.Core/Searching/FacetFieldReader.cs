using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>
/// Reads one facet field's values of a document as global ordinals, segment by segment: from the segment's in-memory
/// ordinals when they are built (<see cref="SegmentOrdinals"/>), from its doc values until then.
/// </summary>
internal sealed class FacetFieldReader(IndexReader reader, string facetField)
{
    private SegmentOrdinals? inMemory;
    private SortedSetDocValues? docValues;
    private int leafOrd;
    private long[] buffer = new long[8];

    public string Field { get; } = facetField;

    /// <summary>The current segment's in-memory ordinals when they are global ordinals too; null otherwise.</summary>
    public SegmentOrdinals? GlobalInMemory => inMemory is not null && Ordinals.SegmentOrdsAreGlobal ? inMemory : null;

    public FacetOrdinals Ordinals { get; } = FacetOrdinals.For(reader, facetField);

    public void SetNextReader(AtomicReaderContext context)
    {
        leafOrd = context.Ord;
        var built = SegmentOrdinals.TryGet(context.AtomicReader, Field, out inMemory);
        docValues = built ? null : context.AtomicReader.GetSortedSetDocValues(Field);
    }

    /// <summary>The global ordinals of the values of <paramref name="doc"/> (in the current segment); valid until the next call.</summary>
    public ReadOnlySpan<long> GlobalOrds(int doc)
    {
        var count = 0;
        if (inMemory is not null)
        {
            foreach (var ord in inMemory.Of(doc))
                Add(ref count, Ordinals.GlobalOrd(leafOrd, ord));
        }
        else if (docValues is not null)
        {
            docValues.SetDocument(doc);
            long ord;
            while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                Add(ref count, Ordinals.GlobalOrd(leafOrd, ord));
        }
        return buffer.AsSpan(0, count);
    }

    /// <summary>
    /// Adds one to <paramref name="counts"/> at the global ordinal of each value of <paramref name="doc"/> (in the
    /// current segment): what <see cref="GlobalOrds"/> gives, counted without the copy, for every match of a search.
    /// </summary>
    public void Count(int doc, int[] counts)
    {
        if (inMemory is not null)
        {
            if (Ordinals.SegmentOrdsAreGlobal)
                inMemory.CountInto(doc, counts);
            else
            {
                foreach (var ord in inMemory.Of(doc))
                    counts[Ordinals.GlobalOrd(leafOrd, ord)]++;
            }
        }
        else
        {
            foreach (var ord in GlobalOrds(doc))
                counts[ord]++;
        }
    }

    private void Add(ref int count, long globalOrd)
    {
        if (count == buffer.Length)
            Array.Resize(ref buffer, buffer.Length * 2);
        buffer[count++] = globalOrd;
    }
}
