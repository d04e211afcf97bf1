using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Pseudo-relevance feedback for questions: the words that the best-matching paragraphs share (weighted by how well
/// each paragraph matched and how rare the word is) are added as optional words with a small weight. A question names
/// its subject in a few words; the paragraphs about it use more ("attacks in the north-west" → "Khyber", "militants"),
/// and those lift the paragraphs that say the same thing in other words. The set of matches does not change: the
/// added words only re-score (<see cref="QuestionRescorer"/>).
/// </summary>
public sealed class QuestionFeedback(Analyzer analyzer)
{
    /// <summary>How many of the best paragraphs are read.</summary>
    public const int FeedbackParagraphs = 10;

    /// <summary>How many words are added.</summary>
    public const int AddedWords = 20;

    /// <summary>Weight of the strongest added word relative to a word of the question.</summary>
    public const float AddedWeight = 0.5f;

    /// <summary>The added words, strongest first; none when the best paragraphs have none to add.</summary>
    /// <param name="best">The best paragraphs' texts and scores, best first; the first <see cref="FeedbackParagraphs"/> are read.</param>
    /// <param name="asked">The question's own terms (as searched), which are not added again.</param>
    /// <param name="vocabulary">How rare a word is: the whole index's figures, so that every shard adds the same words.</param>
    public IReadOnlyList<FeedbackWord> Words(IReadOnlyList<(string Text, float Score)> best, IReadOnlySet<string> asked, IVocabulary vocabulary)
    {
        if (best.Count == 0)
            return [];
        var topScore = best[0].Score;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (text, score) in best.Take(FeedbackParagraphs))
        {
            var counts = TermCounts(text);
            var length = counts.Values.Sum();
            foreach (var (term, count) in counts)
                weights[term] = weights.GetValueOrDefault(term) + (double)count / length * (score / topScore);
        }

        var added = MostCharacteristic(vocabulary, weights.Where(kv => !asked.Contains(kv.Key)));
        if (added.Count == 0)
            return [];
        var strongest = added[0].Weight;
        return added.Select(a => new FeedbackWord(a.Term, (float)(AddedWeight * a.Weight / strongest))).ToList();
    }

    /// <summary>The added words as optional clauses of the text field.</summary>
    public static Query AsQuery(IReadOnlyList<FeedbackWord> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
            query.Add(Clause(word), Occur.SHOULD);
        return query;
    }

    /// <summary>One added word's clause of <see cref="AsQuery"/>; with <paramref name="states"/>, its states in their reader.</summary>
    internal static TermQuery Clause(FeedbackWord word, TermStates? states = null)
    {
        var term = new Term(IndexSchema.Text, word.Term);
        var query = states is null ? new TermQuery(term) : new TermQuery(term, states.Of(term));
        query.Boost = word.Boost;
        return query;
    }

    /// <summary>
    /// The <see cref="AddedWords"/> words of highest share × rarity, strongest first (ties: in ordinal order). Words are
    /// taken by falling share, and the index is asked how rare a word is only while its share could still make it one of
    /// them: most words of ten paragraphs are looked up no more.
    /// </summary>
    private static List<(string Term, double Weight)> MostCharacteristic(IVocabulary vocabulary, IEnumerable<KeyValuePair<string, double>> shares)
    {
        var paragraphs = vocabulary.Paragraphs;
        var rarest = Rarity(1, paragraphs);
        var kept = new PriorityQueue<string, (double Weight, string Term)>(AddedWords + 1, WeakestFirst);
        foreach (var (term, share) in shares.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (kept.Count == AddedWords && kept.TryPeek(out _, out var weakest) && share * rarest < weakest.Weight)
                break;
            var weight = share * Rarity(vocabulary.DocFreq(new Term(IndexSchema.Text, term)), paragraphs);
            if (weight <= 0)
                continue;
            kept.Enqueue(term, (weight, term));
            if (kept.Count > AddedWords)
                kept.Dequeue();
        }
        var strongestFirst = new List<(string Term, double Weight)>(kept.Count);
        while (kept.TryDequeue(out var term, out var entry))
            strongestFirst.Add((term, entry.Weight));
        strongestFirst.Reverse();
        return strongestFirst;
    }

    private static readonly Comparer<(double Weight, string Term)> WeakestFirst = Comparer<(double Weight, string Term)>.Create((a, b) =>
        a.Weight != b.Weight ? a.Weight.CompareTo(b.Weight) : string.CompareOrdinal(b.Term, a.Term));

    /// <summary>Inverse document frequency; a word in half the paragraphs or more adds nothing.</summary>
    private static double Rarity(int docFreq, int paragraphs) => Math.Max(0, Math.Log((double)paragraphs / Math.Max(1, docFreq)) - Math.Log(2));

    private Dictionary<string, int> TermCounts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(IndexSchema.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        stream.End();
        return counts;
    }
}
