using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>Some documents of an index, by segment: each segment's as its own document numbers, in increasing order.</summary>
internal sealed record SegmentDocs(AtomicReaderContext Segment, int[] Docs)
{
    /// <param name="docs">Document numbers in the whole index.</param>
    public static IReadOnlyList<SegmentDocs> Of(IndexReader reader, IEnumerable<int> docs)
    {
        var leaves = reader.Leaves;
        var sorted = docs.ToArray();
        Array.Sort(sorted);
        var segments = new List<SegmentDocs>();
        for (var start = 0; start < sorted.Length;)
        {
            var leaf = leaves[ReaderUtil.SubIndex(sorted[start], leaves)];
            var end = start + 1;
            var next = leaf.DocBase + leaf.Reader.MaxDoc;
            while (end < sorted.Length && sorted[end] < next)
                end++;
            var inSegment = new int[end - start];
            for (var i = 0; i < inSegment.Length; i++)
                inSegment[i] = sorted[start + i] - leaf.DocBase;
            segments.Add(new SegmentDocs(leaf, inSegment));
            start = end;
        }
        return segments;
    }
}
