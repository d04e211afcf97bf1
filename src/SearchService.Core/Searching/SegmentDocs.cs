using Lucene.Net.Index;

namespace SearchService.Core.Searching;

/// <summary>Some documents of an index, by segment: each segment's as its own document numbers, in increasing order.</summary>
internal sealed record SegmentDocs(AtomicReaderContext Segment, int[] Docs)
{
    /// <param name="docs">Document numbers in the whole index.</param>
    public static IReadOnlyList<SegmentDocs> Of(IndexReader reader, IEnumerable<int> docs)
    {
        var leaves = reader.Leaves;
        return docs
            .GroupBy(doc => ReaderUtil.SubIndex(doc, leaves))
            .Select(segment => new SegmentDocs(leaves[segment.Key], segment.Select(doc => doc - leaves[segment.Key].DocBase).Order().ToArray()))
            .ToList();
    }
}
