using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>
/// One facet field's ordinals for every document of one segment, held in two plain arrays (where each document's
/// ordinals start, and the ordinals). Counting reads them instead of the doc values on disk, which decode each
/// document's ordinals through the memory-mapped file a byte at a time: counting was a tenth of a search, and most of a
/// broad one on a large index. Segments never change, so they are built once per segment and field, in the background
/// when a searcher opens (1-3 s for 890,000 paragraphs, which start-up must not wait for), and dropped with the
/// segment. Until they are built, counting reads the doc values.
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentOrdinals?>> Built = new();

    private readonly int[] starts;
    private readonly int[] ords;

    private SegmentOrdinals(int[] starts, int[] ords)
    {
        this.starts = starts;
        this.ords = ords;
    }

    /// <summary>
    /// The segment's ordinals of <paramref name="field"/> if they are built; <paramref name="ordinals"/> is null when no
    /// document of the segment has a value.
    /// </summary>
    public static bool TryGet(AtomicReader segment, string field, out SegmentOrdinals? ordinals)
    {
        ordinals = null;
        return Built.TryGetValue(segment.CoreCacheKey, out var fields) && fields.TryGetValue(field, out ordinals);
    }

    /// <summary>The ordinals of <paramref name="doc"/>, in increasing order.</summary>
    public ReadOnlySpan<int> Of(int doc) => ords.AsSpan(starts[doc], starts[doc + 1] - starts[doc]);

    /// <summary>Adds one to <paramref name="counts"/> at each ordinal of <paramref name="doc"/>: <see cref="Of"/> counted in a loop small enough to inline, for every match of a search.</summary>
    public void CountInto(int doc, int[] counts)
    {
        for (int at = starts[doc], end = starts[doc + 1]; at < end; at++)
            counts[ords[at]]++;
    }

    /// <summary>Builds, on a background thread, the ordinals of every segment of <paramref name="reader"/> not built yet.</summary>
    public static void BuildInBackground(IndexReader reader, IReadOnlyList<string> fields)
    {
        if (!reader.TryIncRef())
            return;
        Task.Run(() =>
        {
            try
            {
                Build(reader, fields);
            }
            catch (ObjectDisposedException)
            {
                // The index closed meanwhile; counting reads the doc values, as it does until the arrays exist.
            }
            finally
            {
                reader.DecRef();
            }
        });
    }

    /// <summary>Builds the ordinals of every segment of <paramref name="reader"/> not built yet, on this thread.</summary>
    /// <returns>How many segment fields were built.</returns>
    public static int Build(IndexReader reader, IReadOnlyList<string> fields)
    {
        var count = 0;
        foreach (var leaf in reader.Leaves)
        {
            var built = Built.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentOrdinals?>(StringComparer.Ordinal));
            foreach (var field in fields)
            {
                if (!built.ContainsKey(field) && built.TryAdd(field, Read(leaf.AtomicReader, field)))
                    count++;
            }
        }
        return count;
    }

    private static SegmentOrdinals? Read(AtomicReader segment, string field)
    {
        if (segment.GetSortedSetDocValues(field) is not { ValueCount: > 0 } values)
            return null;
        // Two passes, counting then filling, so that the arrays are allocated once at their size: growing a list of
        // millions of ordinals left several times its size in garbage, which showed in the service's peak memory.
        var starts = new int[segment.MaxDoc + 1];
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            values.SetDocument(doc);
            var count = 0;
            while (values.NextOrd() != SortedSetDocValues.NO_MORE_ORDS)
                count++;
            starts[doc + 1] = starts[doc] + count;
        }
        var ords = new int[starts[segment.MaxDoc]];
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            values.SetDocument(doc);
            long ord;
            for (var at = starts[doc]; (ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS; at++)
                ords[at] = (int)ord;
        }
        return new SegmentOrdinals(starts, ords);
    }
}
