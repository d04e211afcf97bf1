using Lucene.Net.Index;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// One search's part on a shard grain, for the gatherer (<see cref="ShardedSearcher"/>, whose phases are calls that
/// return): each phase is a grain call, waited for no longer than the timeout, so that a shard on a dead silo fails
/// the search in that time instead of Orleans' response timeout (30 s by default).
/// </summary>
internal sealed class GrainShard(IShardGrain grain, int shard, Guid search, TimeSpan timeout) : IShard
{
    public int Paragraphs => Wait(grain.ParagraphsAsync(search));

    public int DocFreq(Term term) => Wait(grain.DocFreqAsync(search, ShardTerm.Of(term)));

    public IReadOnlyList<TermFrequency> Neighbours(Term term, int maxEdits) => Wait(grain.NeighboursAsync(search, ShardTerm.Of(term), maxEdits));

    public CorpusStatistics Statistics(ShardRequest request) => Wait(grain.StatisticsAsync(search, request));

    public CorpusStatistics Statistics(IEnumerable<Term> terms) => Wait(grain.TermStatisticsAsync(search, terms.Select(ShardTerm.Of).ToList()));

    public IReadOnlySet<string> QuestionTerms(ShardRequest request) => Wait(grain.QuestionTermsAsync(search, request));

    public ShardAnswer Query(ShardRequest request, CorpusStatistics statistics) => Wait(grain.QueryAsync(search, request, statistics));

    public IReadOnlyDictionary<int, float> ProximityScores(ShardRequest request, CorpusStatistics statistics, IReadOnlyList<int> docs) =>
        Wait(grain.ProximityScoresAsync(search, request, statistics, [.. docs]));

    public IReadOnlyDictionary<int, float> FeedbackScores(CorpusStatistics statistics, IReadOnlyList<FeedbackWord> words, IReadOnlyList<int> docs) =>
        Wait(grain.FeedbackScoresAsync(search, statistics, [.. words], [.. docs]));

    public string Text(int doc) => Wait(grain.TextAsync(search, doc));

    public string Passage(int doc) => Wait(grain.PassageAsync(search, doc));

    public IReadOnlyList<SearchHit> Fetch(
        ShardRequest request, CorpusStatistics statistics, IReadOnlyList<FeedbackWord> feedback, IReadOnlyList<ShardHit> hits, IReadOnlySet<int> rescored) =>
        Wait(grain.FetchAsync(search, request, statistics, [.. feedback], [.. hits], [.. rescored]));

    public Dictionary<string, int> FacetValues(ShardRequest request, string facet) => Wait(grain.FacetValuesAsync(search, request, facet));

    // The search ends whether or not the shard hears of it: a dead silo's search ended with it, a live one's expires.
    public void Dispose() => grain.CloseAsync(search).Ignore();

    private T Wait<T>(Task<T> call) => Bounded(call, timeout, shard);

    /// <summary>The call's result, or <see cref="ShardUnavailableException"/> when it failed or took longer than <paramref name="timeout"/>.</summary>
    public static T Bounded<T>(Task<T> call, TimeSpan timeout, int shard)
    {
        try
        {
            return call.WaitAsync(timeout).GetAwaiter().GetResult();
        }
        catch (TimeoutException e)
        {
            throw new ShardUnavailableException(shard, $"no answer within {timeout.TotalSeconds:0.###} s", e);
        }
        catch (Exception e) when (e is OrleansException or SiloUnavailableException)
        {
            throw new ShardUnavailableException(shard, e.Message, e);
        }
    }
}
