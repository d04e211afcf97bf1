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
/// question stays required and the added words only re-rank.
/// </summary>
public sealed class QuestionFeedback(Analyzer analyzer)
{
    /// <summary>How many of the best paragraphs are read.</summary>
    public const int FeedbackParagraphs = 10;

    /// <summary>How many words are added.</summary>
    public const int AddedWords = 20;

    /// <summary>Weight of the strongest added word relative to a word of the question.</summary>
    public const float AddedWeight = 0.5f;

    public Query Expand(IndexSearcher searcher, Query question)
    {
        var best = searcher.Search(question, FeedbackParagraphs).ScoreDocs;
        if (best.Length == 0)
            return question;
        var questionTerms = new HashSet<Term>();
        question.ExtractTerms(questionTerms);
        var asked = questionTerms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);

        var topScore = best[0].Score;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var scoreDoc in best)
        {
            var counts = TermCounts(searcher.Doc(scoreDoc.Doc).Get(IndexSchema.Text) ?? "");
            var length = counts.Values.Sum();
            foreach (var (term, count) in counts)
                weights[term] = weights.GetValueOrDefault(term) + (double)count / length * (scoreDoc.Score / topScore);
        }

        var paragraphs = searcher.IndexReader.NumDocs;
        var added = weights
            .Where(kv => !asked.Contains(kv.Key))
            .Select(kv => (Term: kv.Key, Weight: kv.Value * Rarity(searcher.IndexReader.DocFreq(new Term(IndexSchema.Text, kv.Key)), paragraphs)))
            .Where(t => t.Weight > 0)
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(AddedWords)
            .ToList();
        if (added.Count == 0)
            return question;

        var expanded = new BooleanQuery { { question, Occur.MUST } };
        var strongest = added[0].Weight;
        foreach (var (term, weight) in added)
            expanded.Add(new TermQuery(new Term(IndexSchema.Text, term)) { Boost = (float)(AddedWeight * weight / strongest) }, Occur.SHOULD);
        return expanded;
    }

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
