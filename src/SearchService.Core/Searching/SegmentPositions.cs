using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The positions of some terms in some paragraphs of one segment's field, read into one buffer that is kept from one
/// segment to the next: re-scoring a question reads the positions of every question term in every candidate paragraph
/// in two fields, and an array for each (term, paragraph) made thousands of small objects per question.
/// </summary>
internal sealed class SegmentPositions(int terms)
{
    private int[] starts = [];
    private int[] lengths = [];
    private int[] buffer = new int[1024];
    private int docs;

    /// <summary>Reads the positions of each term in each of the paragraphs <paramref name="docsOf"/> of <paramref name="leaf"/>'s field.</summary>
    /// <param name="bytes">The terms as indexed.</param>
    /// <param name="contexts">Each term's states in the whole index, as <see cref="TermContext.Build"/> gives them; null where the field has the term nowhere.</param>
    /// <param name="docsOf">Paragraphs of the segment, in increasing order.</param>
    public void Read(AtomicReaderContext leaf, string field, IReadOnlyList<BytesRef> bytes, IReadOnlyList<TermContext?> contexts, int[] docsOf)
    {
        docs = docsOf.Length;
        if (lengths.Length < terms * docs)
            (starts, lengths) = (new int[terms * docs], new int[terms * docs]);
        Array.Clear(lengths, 0, terms * docs);
        var reader = leaf.AtomicReader;
        var termsEnum = reader.GetTerms(field)?.GetEnumerator();
        if (termsEnum is null)
            return;
        var used = 0;
        // One enumerator for all the terms, as Lucene's own scorers reuse theirs within a segment's field.
        DocsAndPositionsEnum? reused = null;
        for (var t = 0; t < terms; t++)
        {
            // The term's state in this segment (as TermQuery seeks it) spares a second look-up in its terms dictionary.
            if (contexts[t]?.Get(leaf.Ord) is not { } state)
                continue;
            termsEnum.SeekExact(bytes[t], state);
            if (termsEnum.DocsAndPositions(reader.LiveDocs, reused, DocsAndPositionsFlags.NONE) is not { } postings)
                continue;
            reused = postings;
            for (var d = 0; d < docs; d++)
            {
                var doc = postings.DocID >= docsOf[d] ? postings.DocID : postings.Advance(docsOf[d]);
                if (doc == DocIdSetIterator.NO_MORE_DOCS)
                    break;
                if (doc != docsOf[d])
                    continue;
                var freq = postings.Freq;
                if (used + freq > buffer.Length)
                    Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + freq));
                for (var i = 0; i < freq; i++)
                    buffer[used + i] = postings.NextPosition();
                starts[t * docs + d] = used;
                lengths[t * docs + d] = freq;
                used += freq;
            }
        }
    }

    /// <summary>
    /// Which of the first 64 terms are in the <paramref name="doc"/>th paragraph read, as the bits of their numbers
    /// (later terms are not told apart: see <see cref="Of"/>).
    /// </summary>
    public ulong TermsIn(int doc)
    {
        ulong bits = 0;
        for (var t = Math.Min(terms, 64) - 1; t >= 0; t--)
            bits = bits << 1 | (lengths[t * docs + doc] != 0 ? 1UL : 0UL);
        return bits;
    }

    /// <summary>The positions of term <paramref name="term"/> in the <paramref name="doc"/>th paragraph read; empty where it is not there.</summary>
    public ReadOnlySpan<int> Of(int term, int doc) => buffer.AsSpan(starts[term * docs + doc], lengths[term * docs + doc]);
}
