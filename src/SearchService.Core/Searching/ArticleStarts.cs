using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Which documents of a segment begin an article (its paragraph 1). An article's paragraphs are indexed as one block of
/// consecutive documents, so a document belongs to the article begun by the nearest start at or before it: telling
/// articles apart needs one bit per document, not the article id's doc values, which are read through the
/// memory-mapped file at every call. Built once per segment from the postings of the first-paragraph marker (deleted
/// documents included, so it stays right as deletions change) and kept while the segment lives.
/// </summary>
internal static class ArticleStarts
{
    private static readonly ConditionalWeakTable<object, FixedBitSet> Built = new();

    public static FixedBitSet Of(AtomicReader segment) => Built.GetValue(segment.CoreCacheKey, _ => Read(segment));

    private static FixedBitSet Read(AtomicReader segment)
    {
        var starts = new FixedBitSet(segment.MaxDoc);
        var terms = segment.GetTerms(IndexSchema.FirstParagraph)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(new BytesRef(IndexSchema.FirstParagraphValue)))
            return starts;
        var docs = terms.Docs(null, null, DocsFlags.NONE);
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            starts.Set(doc);
        return starts;
    }
}
