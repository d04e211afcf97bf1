using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// The evidence for re-scoring a question over the best paragraphs of every shard: each shard scores its own
/// paragraphs with the whole index's figures, and the feedback words are chosen once, from the best paragraphs of all.
/// </summary>
internal sealed class ShardedQuestionEvidence : IQuestionEvidence<ShardDoc>
{
    private readonly IReadOnlyList<IShard> shards;
    private readonly ShardRequest request;

    /// <param name="statistics">The whole index's figures for the question.</param>
    /// <param name="paragraphs">The paragraphs to re-score.</param>
    public ShardedQuestionEvidence(IReadOnlyList<IShard> shards, ShardRequest request, CorpusStatistics statistics, IReadOnlyList<GatheredHit> paragraphs)
    {
        this.shards = shards;
        this.request = request;
        Statistics = statistics;
        Vocabulary = new ShardedVocabulary(shards);
        var keys = paragraphs.ToDictionary(p => p.Key, p => p.Hit);
        TieBreak = Comparer<ShardDoc>.Create((x, y) =>
            HitTieBreak.CompareKeys(keys[x].ArticleId, keys[x].Paragraph, keys[y].ArticleId, keys[y].Paragraph));
    }

    public IComparer<ShardDoc> TieBreak { get; }

    public IVocabulary Vocabulary { get; }

    /// <summary>The whole index's figures for the question, and for its feedback words once they are added.</summary>
    public CorpusStatistics Statistics { get; private set; }

    /// <summary>The terms of the question as each shard rewrote it (every shard parses the same question from the request).</summary>
    public IReadOnlySet<string> AskedTerms(Query question) =>
        shards.SelectMany(s => s.QuestionTerms(request)).ToHashSet(StringComparer.Ordinal);

    public string TextOf(ShardDoc hit) => shards[hit.Shard].Text(hit.Doc);

    public void AddProximity(IReadOnlyList<WordPair> pairs, Dictionary<ShardDoc, float> scores) =>
        Add(scores, (shard, docs) => shard.ProximityScores(request, Statistics, docs));

    public void AddScores(IReadOnlyList<FeedbackWord> words, Dictionary<ShardDoc, float> scores)
    {
        var terms = words.Select(w => new Term(IndexSchema.Text, w.Term)).ToList();
        Statistics = Statistics.With(CorpusStatistics.Sum(shards.Select(s => s.Statistics(terms))));
        Add(scores, (shard, docs) => shard.FeedbackScores(Statistics, words, docs));
    }

    /// <summary>Adds what each shard scores for its paragraphs to their scores.</summary>
    private void Add(Dictionary<ShardDoc, float> scores, Func<IShard, IReadOnlyList<int>, IReadOnlyDictionary<int, float>> scoreOnShard)
    {
        foreach (var group in scores.Keys.GroupBy(k => k.Shard).ToList())
        {
            foreach (var (doc, added) in scoreOnShard(shards[group.Key], group.Select(k => k.Doc).ToList()))
                scores[new ShardDoc(group.Key, doc)] += added;
        }
    }
}
