using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Sharding;

/// <summary>
/// Term and field figures of the documents a searcher finds, leaving out deleted ones. Lucene keeps a deleted document
/// in its segment's figures (document frequency, field lengths, maxDoc) until a merge rewrites the segment, and when
/// that happens depends on each copy's own history: two copies of one shard, or a shard and one index of the same
/// articles, would score alike only until one of them held a deleted document. A segment without deletions gives its
/// figures as Lucene keeps them; one with deletions is counted over its live documents (a term's postings; a field's
/// whole postings once per segment state, kept while the segment's deletions stay the same).
/// </summary>
internal static class LiveFigures
{
    // A segment reader stands for one state of its deletions: a reopen after more deletions makes a new one.
    private static readonly ConditionalWeakTable<AtomicReader, ConcurrentDictionary<string, FieldFigures>> FieldsOfSegments = new();

    /// <summary>
    /// Each term's live document frequency and total frequency (-1 when its field keeps no frequencies), in the order
    /// given, leaving out terms no live document has. One terms enumerator per segment and field seeks every term: a
    /// new one for each term and segment was most of the cost of a question's feedback figures (hundreds of terms).
    /// </summary>
    public static IReadOnlyList<TermFigures> Of(IndexReader reader, IReadOnlyList<Term> terms)
    {
        var docFreqs = new long[terms.Count];
        var totalTermFreqs = new long[terms.Count];
        var byField = Enumerable.Range(0, terms.Count).GroupBy(i => terms[i].Field, StringComparer.Ordinal).ToList();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            foreach (var field in byField)
            {
                if (segment.GetTerms(field.Key) is not { } fieldTerms)
                    continue;
                var termsEnum = fieldTerms.GetEnumerator();
                foreach (var i in field)
                {
                    if (!termsEnum.SeekExact(terms[i].Bytes))
                        continue;
                    var (docs, freqs) = segment.LiveDocs is { } live ? Count(termsEnum, live, fieldTerms.HasFreqs) : (termsEnum.DocFreq, termsEnum.TotalTermFreq);
                    docFreqs[i] += docs;
                    totalTermFreqs[i] = totalTermFreqs[i] < 0 || freqs < 0 ? -1 : totalTermFreqs[i] + freqs;
                }
            }
        }
        return Enumerable.Range(0, terms.Count)
            .Where(i => docFreqs[i] > 0)
            .Select(i => new TermFigures(terms[i].Field, terms[i].Text, docFreqs[i], totalTermFreqs[i]))
            .ToList();
    }

    /// <summary>The field's figures over live documents: documents with it, total and document frequencies summed (-1: not kept).</summary>
    public static FieldFigures OfField(IndexReader reader, string field)
    {
        long docCount = 0, sumTotalTermFreq = 0, sumDocFreq = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetTerms(field) is not { } terms)
                continue;
            var figures = segment.LiveDocs is null
                ? new FieldFigures(field, terms.DocCount, terms.SumTotalTermFreq, terms.SumDocFreq)
                : FieldsOfSegments.GetOrCreateValue(segment).GetOrAdd(field, _ => CountField(segment, terms, field));
            docCount = Add(docCount, figures.DocCount);
            sumTotalTermFreq = Add(sumTotalTermFreq, figures.SumTotalTermFreq);
            sumDocFreq = Add(sumDocFreq, figures.SumDocFreq);
        }
        return new FieldFigures(field, docCount, sumTotalTermFreq, sumDocFreq);
    }

    private static (long Docs, long Freqs) Count(TermsEnum termsEnum, IBits live, bool hasFreqs)
    {
        var postings = termsEnum.Docs(live, null, hasFreqs ? DocsFlags.FREQS : DocsFlags.NONE);
        long docs = 0, freqs = 0;
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            docs++;
            if (hasFreqs)
                freqs += postings.Freq;
        }
        return (docs, hasFreqs ? freqs : -1);
    }

    private static FieldFigures CountField(AtomicReader segment, Terms terms, string field)
    {
        var withField = new FixedBitSet(segment.MaxDoc);
        long sumTotalTermFreq = 0, sumDocFreq = 0;
        var termsEnum = terms.GetEnumerator();
        DocsEnum? postings = null;
        while (termsEnum.MoveNext())
        {
            postings = termsEnum.Docs(segment.LiveDocs, postings, terms.HasFreqs ? DocsFlags.FREQS : DocsFlags.NONE);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                withField.Set(doc);
                sumDocFreq++;
                if (terms.HasFreqs)
                    sumTotalTermFreq += postings.Freq;
            }
        }
        return new FieldFigures(field, withField.Cardinality, terms.HasFreqs ? sumTotalTermFreq : -1, sumDocFreq);
    }

    private static long Add(long sum, long value) => sum < 0 || value < 0 ? -1 : sum + value;
}
