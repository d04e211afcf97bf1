using Lucene.Net.Index;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// The words of every shard together, as far as one search needs them, gathered before it reads them: counts summed,
/// neighbours of a typo merged in term order. A word not gathered is a fault of the gatherer.
/// </summary>
internal sealed class GatheredVocabulary : IVocabulary
{
    private readonly int? paragraphs;
    private readonly Dictionary<string, int> docFreqs;
    private readonly Dictionary<string, IReadOnlyList<TermFrequency>> neighbours;

    private GatheredVocabulary(int? paragraphs, Dictionary<string, int> docFreqs, Dictionary<string, IReadOnlyList<TermFrequency>> neighbours)
    {
        this.paragraphs = paragraphs;
        this.docFreqs = docFreqs;
        this.neighbours = neighbours;
    }

    /// <summary>The paragraphs of the query's words in every shard (<see cref="IShard.DfsAsync"/>) summed, for the spelling corrector.</summary>
    public static GatheredVocabulary OfWords(IReadOnlyList<IReadOnlyList<WordFigures>> shards) =>
        new(null, shards.SelectMany(s => s).GroupBy(w => w.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(w => w.DocFreq), StringComparer.Ordinal), []);

    /// <summary>These words with the neighbours every shard gave of those rare over all (<see cref="IShard.NeighboursAsync"/>).</summary>
    public GatheredVocabulary WithNeighbours(IReadOnlyList<IReadOnlyList<WordNeighbours>> shards) =>
        new(paragraphs, docFreqs, shards.SelectMany(s => s).GroupBy(w => w.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TermFrequency>)Merged(g.SelectMany(w => w.Neighbours)), StringComparer.Ordinal));

    /// <summary>The paragraphs of every shard and the figures of some of their words, for choosing a question's feedback words.</summary>
    /// <param name="terms">The words gathered, as indexed in the text field.</param>
    /// <param name="figures">Their figures summed over every shard (<see cref="CorpusStatistics.Sum"/>); a word missing is in none.</param>
    public static GatheredVocabulary OfTerms(int paragraphs, IEnumerable<string> terms, CorpusStatistics figures)
    {
        var docFreqs = terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        foreach (var term in figures.Terms.Where(t => t.Field == IndexSchema.Text && docFreqs.ContainsKey(t.Text)))
            docFreqs[term.Text] = (int)term.DocFreq;
        return new GatheredVocabulary(paragraphs, docFreqs, []);
    }

    public int Paragraphs => paragraphs ?? throw NotGathered("the number of paragraphs");

    public int DocFreq(Term term) =>
        term.Field == IndexSchema.Text && docFreqs.TryGetValue(term.Text, out var docFreq) ? docFreq : throw NotGathered($"the figures of {term}");

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) =>
        term.Field == IndexSchema.Text && neighbours.TryGetValue(term.Text, out var found) ? found : throw NotGathered($"the neighbours of {term}");

    private static List<TermFrequency> Merged(IEnumerable<TermFrequency> neighbours) =>
        neighbours.GroupBy(n => n.Term, StringComparer.Ordinal)
            .Select(g => new TermFrequency(g.Key, g.Sum(n => n.DocFreq)))
            .OrderBy(n => n.Term, Utf8Order.Instance)
            .ToList();

    private static InvalidOperationException NotGathered(string what) => new($"The gatherer did not ask the shards for {what}.");
}
