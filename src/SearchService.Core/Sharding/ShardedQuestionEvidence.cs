using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// The evidence for re-scoring a question over the best paragraphs of every shard, gathered from every shard at once
/// before the re-scorer reads it: each shard added its word pairs' scores to its own candidates with the whole index's
/// figures and gave the texts of those that may be feedback paragraphs in its answer to the query phase; the feedback
/// paragraphs are the best of all, and their words' figures are asked of every shard. The feedback words' scores come after the re-scorer has chosen the words
/// (<see cref="AddFeedbackScoresAsync"/>).
/// </summary>
internal sealed class ShardedQuestionEvidence : IQuestionEvidence<ShardDoc>
{
    private readonly IReadOnlyList<IShard> shards;
    private readonly IReadOnlyDictionary<ShardDoc, float> withProximity;
    private readonly IReadOnlyDictionary<ShardDoc, string> texts;
    private readonly IReadOnlySet<string> asked;
    private readonly CorpusStatistics leaderFigures;
    private IReadOnlyList<FeedbackWord>? feedback;

    private ShardedQuestionEvidence(
        IReadOnlyList<IShard> shards,
        IComparer<ShardDoc> tieBreak,
        CorpusStatistics statistics,
        IReadOnlyDictionary<ShardDoc, float> withProximity,
        IReadOnlyDictionary<ShardDoc, string> texts,
        IReadOnlySet<string> asked,
        CorpusStatistics leaderFigures,
        IVocabulary vocabulary)
    {
        this.shards = shards;
        TieBreak = tieBreak;
        Statistics = statistics;
        this.withProximity = withProximity;
        this.texts = texts;
        this.asked = asked;
        this.leaderFigures = leaderFigures;
        Vocabulary = vocabulary;
    }

    public IComparer<ShardDoc> TieBreak { get; }

    public IVocabulary Vocabulary { get; }

    /// <summary>The whole index's figures for the question, and for its feedback words once their scores are added.</summary>
    public CorpusStatistics Statistics { get; private set; }

    /// <param name="statistics">The whole index's figures for the question.</param>
    /// <param name="paragraphs">The paragraphs to re-score.</param>
    /// <param name="answers">Every shard's answer to the query phase, with its candidates' scores with word pairs.</param>
    public static async ValueTask<ShardedQuestionEvidence> GatherAsync(
        IReadOnlyList<IShard> shards,
        CorpusStatistics statistics,
        IReadOnlyList<GatheredHit> paragraphs,
        IReadOnlyList<ShardAnswer> answers,
        Analyzer analyzer)
    {
        var keys = paragraphs.ToDictionary(p => p.Key, p => p.Hit);
        var tieBreak = Comparer<ShardDoc>.Create((x, y) =>
            HitTieBreak.CompareKeys(keys[x].ArticleId, keys[x].Paragraph, keys[y].ArticleId, keys[y].Paragraph));
        var scores = paragraphs.ToDictionary(p => p.Key, p => answers[p.Shard].Proximity!.Scores[p.Hit.Doc]);
        var texts = new Dictionary<ShardDoc, string>();
        foreach (var (answer, shard) in answers.Select((answer, shard) => (answer, shard)))
        {
            foreach (var (doc, text) in answer.Proximity!.LeaderTexts)
                texts[new ShardDoc(shard, doc)] = text;
        }

        // The paragraphs the re-scorer will read for feedback, chosen as it chooses them.
        var bestFirst = Comparer<KeyValuePair<ShardDoc, float>>.Create((x, y) =>
            y.Value.CompareTo(x.Value) is var byScore and not 0 ? byScore : tieBreak.Compare(x.Key, y.Key));
        var leaderTerms = TopSelection.Best(scores, QuestionFeedback.FeedbackParagraphs, bestFirst)
            .SelectMany(kv => IndexedTerm.AllOf(analyzer, texts[kv.Key]))
            .ToHashSet(StringComparer.Ordinal);
        var terms = leaderTerms.Select(t => new Term(IndexSchema.Text, t)).ToList();
        var leaderFigures = CorpusStatistics.Sum(await Scatter.AllAsync(shards.Select(s => s.StatisticsAsync(terms))));
        return new ShardedQuestionEvidence(
            shards,
            tieBreak,
            statistics,
            scores,
            texts,
            answers.SelectMany(a => a.AskedTerms).ToHashSet(StringComparer.Ordinal),
            leaderFigures,
            GatheredVocabulary.OfTerms(answers.Sum(a => a.Paragraphs), leaderTerms, leaderFigures));
    }

    /// <summary>The terms of the question as each shard rewrote it (every shard parses the same question from the request).</summary>
    public IReadOnlySet<string> AskedTerms(Query question) => asked;

    public string TextOf(ShardDoc hit) => texts[hit];

    public void AddProximity(IReadOnlyList<WordPair> pairs, Dictionary<ShardDoc, float> scores)
    {
        foreach (var key in scores.Keys.ToList())
            scores[key] = withProximity[key];
    }

    /// <summary>
    /// Notes the feedback words: their scores are added by <see cref="AddFeedbackScoresAsync"/>, every shard asked at
    /// once, once the re-scorer has returned (it reads no score after adding these, and returns the scores it was given).
    /// </summary>
    public void AddScores(IReadOnlyList<FeedbackWord> words, Dictionary<ShardDoc, float> scores) => feedback = words;

    /// <summary>Adds each paragraph's score for the feedback words noted, each shard scoring its own with the whole index's figures.</summary>
    public async ValueTask AddFeedbackScoresAsync(Dictionary<ShardDoc, float> scores)
    {
        if (feedback is not { Count: > 0 } words)
            return;
        var chosen = words.Select(w => w.Term).ToHashSet(StringComparer.Ordinal);
        Statistics = Statistics.With(leaderFigures with { Terms = [.. leaderFigures.Terms.Where(t => t.Field == IndexSchema.Text && chosen.Contains(t.Text))] });
        var onShards = scores.Keys.GroupBy(k => k.Shard).ToList();
        var added = await Scatter.AllAsync(onShards.Select(g =>
            shards[g.Key].FeedbackScoresAsync(Statistics, words, g.ToDictionary(k => k.Doc, k => scores[k]))));
        foreach (var (shard, answer) in onShards.Select(g => g.Key).Zip(added))
        {
            foreach (var (doc, score) in answer)
                scores[new ShardDoc(shard, doc)] = score;
        }
    }
}
