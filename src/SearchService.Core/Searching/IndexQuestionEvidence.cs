using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>The evidence of one index's paragraphs for re-scoring a question, read through its searcher (which scores with its statistics).</summary>
/// <param name="states">The search's term states of the searcher's reader, which its first stage may have looked up already.</param>
internal sealed class IndexQuestionEvidence(IndexSearcher searcher, TermStates states) : IQuestionEvidence<int>
{
    public IndexQuestionEvidence(IndexSearcher searcher) : this(searcher, new TermStates(searcher.TopReaderContext))
    {
    }

    public IComparer<int> TieBreak { get; } = new HitTieBreak(searcher.IndexReader);

    public IVocabulary Vocabulary { get; } = new IndexVocabulary(states);

    public IReadOnlySet<string> AskedTerms(Query question)
    {
        var terms = new HashSet<Term>();
        searcher.Rewrite(question).ExtractTerms(terms);
        return terms.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The paragraphs whose text was read (all the stored fields a hit shows): the best of them are most of the first
    /// page, which then need not be read again (<see cref="QuestionRescorer.Rescoring.Read"/>).
    /// </summary>
    public Dictionary<int, StoredHitVisitor> Read { get; } = [];

    public string TextOf(int hit)
    {
        if (!Read.TryGetValue(hit, out var stored))
            Read[hit] = stored = StoredHitVisitor.Read(searcher, hit);
        return stored.Text;
    }

    /// <summary>The paragraphs re-scored, by segment: both kinds of evidence add to the same paragraphs, so they are split once.</summary>
    private (Dictionary<int, float> Scores, IReadOnlyList<SegmentDocs> Docs)? split;

    public void AddProximity(IReadOnlyList<WordPair> pairs, Dictionary<int, float> scores) =>
        PairProximity.AddScores(searcher, pairs, SegmentsOf(scores), scores, states);

    public void AddScores(IReadOnlyList<FeedbackWord> words, Dictionary<int, float> scores) =>
        FeedbackScores.Add(searcher, words, SegmentsOf(scores), scores, states);

    /// <summary>The paragraphs of <paramref name="scores"/> (whose keys re-scoring never changes), by segment.</summary>
    private IReadOnlyList<SegmentDocs> SegmentsOf(Dictionary<int, float> scores)
    {
        if (split is not { } done || !ReferenceEquals(done.Scores, scores))
            split = done = (scores, SegmentDocs.Of(searcher.IndexReader, scores.Keys));
        return done.Docs;
    }
}
