using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>
/// One facet field's ordinals for every document of one segment, held in two plain arrays (where each document's
/// ordinals start, and the ordinals). Counting a search's matches reads them instead of the doc values on disk, which
/// decode every document's ordinals through the memory-mapped file one byte at a time; counting was a tenth of a
/// search. Built once per segment and field (segments never change), when a searcher is opened, and dropped with the
/// segment.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals?>> Cache = new();

    private readonly int[] starts;
    private readonly int[] ords;

    private SegmentOrdinals(int[] starts, int[] ords)
    {
        this.starts = starts;
        this.ords = ords;
    }

    /// <summary>The segment's ordinals of <paramref name="field"/>, or null when no document has a value.</summary>
    public static SegmentOrdinals? For(AtomicReader segment, string field) =>
        Cache.GetValue(segment.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals?>(StringComparer.Ordinal))
            .GetOrAdd(field, f => Read(segment, f));

    /// <summary>The ordinals of <paramref name="doc"/>, in increasing order.</summary>
    public ReadOnlySpan<int> Of(int doc) => ords.AsSpan(starts[doc], starts[doc + 1] - starts[doc]);

    private static SegmentOrdinals? Read(AtomicReader segment, string field)
    {
        if (segment.GetSortedSetDocValues(field) is not { ValueCount: > 0 } values)
            return null;
        var starts = new int[segment.MaxDoc + 1];
        var ords = new List<int>(segment.MaxDoc);
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                ords.Add((int)ord);
            starts[doc + 1] = ords.Count;
        }
        return new SegmentOrdinals(starts, ords.ToArray());
    }
}
