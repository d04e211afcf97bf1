using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// Scores <see cref="WordPair"/>s for a few paragraphs exactly as their Lucene queries (<see cref="WordPair.ToQuery"/>)
/// score them, but reads each term's positions once per field rather than once per pair: the 16 terms of a long
/// question make 120 pairs, and Lucene's phrase scorers would look up and read every term 15 times in each field.
/// Each term is looked up once per field in the whole index, for its statistics and for where its postings are in each
/// segment (<see cref="SegmentPositions"/>).
/// </summary>
internal static class PairProximity
{
    /// <summary>Adds the pairs' scores to the score of each paragraph of <paramref name="paragraphs"/> in <paramref name="scores"/>.</summary>
    /// <param name="states">Term states of the searcher's reader for this search; null: looked up here.</param>
    public static void AddScores(
        IndexSearcher searcher, IReadOnlyList<WordPair> pairs, IReadOnlyList<SegmentDocs> paragraphs, Dictionary<int, float> scores, TermStates? states = null)
    {
        states ??= new TermStates(searcher.TopReaderContext);
        var terms = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct(StringComparer.Ordinal).ToList();
        var termIndex = terms.Select((term, i) => (term, i)).ToDictionary(t => t.term, t => t.i, StringComparer.Ordinal);
        var bytes = terms.Select(term => new BytesRef(term)).ToList();
        // Arrays rather than the lists given: this loop runs for every pair of every paragraph in every field.
        var pairTerms = pairs.Select(p => (First: termIndex[p.First], Second: termIndex[p.Second], p.Slop)).ToArray();
        // Each pair's two terms as bits of SegmentPositions.TermsIn; none for a pair with a term past the 64th, which is
        // then always looked at.
        var pairBits = pairTerms.Select(p => p.First < 64 && p.Second < 64 ? 1UL << p.First | 1UL << p.Second : 0).ToArray();
        var termsIn = new ulong[SearchFields.Weighted.Count];
        var fields = SearchFields.Weighted.Count;
        // Each term's states in every segment, looked up once for its statistics and for reading its positions.
        var contexts = SearchFields.Weighted
            .Select(f => terms.Select(term => states.Of(new Term(f.Field, term)) is { DocFreq: > 0 } found ? found : null).ToArray())
            .ToArray();
        var weights = PairWeights(searcher, pairs, pairTerms, contexts);
        var positions = Enumerable.Range(0, fields).Select(_ => new SegmentPositions(terms.Count)).ToArray();
        var scorers = new Similarity.SimScorer?[fields, pairTerms.Length];
        foreach (var (leaf, docs) in paragraphs)
        {
            for (var f = 0; f < fields; f++)
            {
                positions[f].Read(leaf, SearchFields.Weighted[f].Field, bytes, contexts[f], docs);
                for (var p = 0; p < pairTerms.Length; p++)
                    scorers[f, p] = weights[f, p] is { } weight ? searcher.Similarity.GetSimScorer(weight, leaf) : null;
            }

            for (var d = 0; d < docs.Length; d++)
            {
                for (var f = 0; f < fields; f++)
                    termsIn[f] = positions[f].TermsIn(d);
                double sum = 0; // Lucene's boolean scorers add clause scores as doubles too
                for (var p = 0; p < pairTerms.Length; p++)
                {
                    // A pair whose two terms are in no one field of the paragraph adds nothing (adding 0 leaves the sum
                    // as it is): most pairs of most paragraphs, passed over without reading their positions.
                    if (!Together(termsIn, pairBits[p]))
                        continue;
                    var (firstTerm, secondTerm, slop) = pairTerms[p];
                    float best = 0, all = 0;
                    for (var f = 0; f < fields; f++)
                    {
                        if (scorers[f, p] is not { } scorer)
                            continue;
                        var first = positions[f].Of(firstTerm, d);
                        var second = positions[f].Of(secondTerm, d);
                        if (first.IsEmpty || second.IsEmpty)
                            continue;
                        var freq = SloppyFrequency(first, second, slop, scorer);
                        if (freq == 0)
                            continue;
                        var score = scorer.Score(docs[d], freq);
                        all += score;
                        best = Math.Max(best, score);
                    }
                    // DisjunctionMaxQuery: the best field and a share of the others.
                    sum += best + (all - best) * SearchFields.OtherFieldShare;
                }
                scores[leaf.DocBase + docs[d]] += (float)sum;
            }
        }
    }

    /// <summary>Whether some field holds both terms of a pair of <paramref name="bits"/> (always, for a pair of no bits).</summary>
    private static bool Together(ulong[] termsIn, ulong bits)
    {
        foreach (var inField in termsIn)
        {
            if ((inField & bits) == bits)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Each pair's weight in each field, as a <see cref="PhraseQuery"/> of the two terms would compute it (BM25 sums
    /// the terms' idf); null where a term is in no paragraph's field.
    /// </summary>
    /// <param name="contexts">Each term's states by field, then by term; null where no paragraph's field has it.</param>
    private static Similarity.SimWeight?[,] PairWeights(
        IndexSearcher searcher, IReadOnlyList<WordPair> pairs, (int First, int Second, int Slop)[] pairTerms, TermContext?[][] contexts)
    {
        var statistics = new Dictionary<(int Field, int Term), TermStatistics?>();
        TermStatistics? StatisticsOf(int field, int term, string text)
        {
            if (!statistics.TryGetValue((field, term), out var found))
                statistics[(field, term)] = found = contexts[field][term] is { } context
                    ? searcher.TermStatistics(new Term(SearchFields.Weighted[field].Field, text), context)
                    : null;
            return found;
        }

        var weights = new Similarity.SimWeight?[SearchFields.Weighted.Count, pairs.Count];
        for (var f = 0; f < SearchFields.Weighted.Count; f++)
        {
            var (field, boost) = SearchFields.Weighted[f];
            var collection = searcher.CollectionStatistics(field);
            for (var p = 0; p < pairs.Count; p++)
            {
                if (StatisticsOf(f, pairTerms[p].First, pairs[p].First) is not { } first
                    || StatisticsOf(f, pairTerms[p].Second, pairs[p].Second) is not { } second)
                    continue;
                var weight = searcher.Similarity.ComputeWeight(boost * pairs[p].Weight, collection, first, second);
                // As IndexSearcher.CreateNormalizedWeight does; BM25 applies no query norm, so the norm is 1.
                weight.GetValueForNormalization();
                weight.Normalize(1f, 1f);
                weights[f, p] = weight;
            }
        }
        return weights;
    }

    /// <summary>
    /// The sloppy frequency of the phrase "first second"~slop in one paragraph, as Lucene's SloppyPhraseScorer computes
    /// it for two different terms: each term's position is taken relative to its place in the phrase (the second's minus
    /// one), the lesser of the two is advanced, and every shortest span of at most <paramref name="slop"/> adds the
    /// similarity's slop factor for its length. (Two cursors in locals, not objects: this runs for every pair of every
    /// candidate paragraph.)
    /// </summary>
    internal static float SloppyFrequency(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int slop, Similarity.SimScorer scorer)
    {
        // Cursor 0 reads the first term's positions, cursor 1 the second's (each one place further in the phrase).
        int at0 = 0, at1 = 0;
        int position0 = first[0], position1 = second[0] - 1;
        var end = Math.Max(position0, position1);
        // The lesser by phrase position, then by offset (the first term on a tie).
        var lesser = position0 <= position1 ? 0 : 1;
        var matchLength = end - (lesser == 0 ? position0 : position1);
        var next = lesser == 0 ? position1 : position0;
        var frequency = 0f;
        while (true)
        {
            int position;
            if (lesser == 0)
            {
                if (at0 + 1 >= first.Length)
                    break;
                position = position0 = first[++at0];
            }
            else
            {
                if (at1 + 1 >= second.Length)
                    break;
                position = position1 = second[++at1] - 1;
            }
            end = Math.Max(end, position);
            if (position > next)
            {
                if (matchLength <= slop)
                    frequency += scorer.ComputeSlopFactor(matchLength);
                lesser = 1 - lesser;
                next = position;
                matchLength = end - (lesser == 0 ? position0 : position1);
            }
            else
                matchLength = Math.Min(matchLength, end - position);
        }
        if (matchLength <= slop)
            frequency += scorer.ComputeSlopFactor(matchLength);
        return frequency;
    }
}
