using System.Diagnostics;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// Answers <c>/quotes</c> and <c>/speakers/{name}</c> over an index split into shards by article, as one index of the
/// same articles answers them (<see cref="QuoteSearcher"/>, <see cref="SpeakerProfiles"/>): every shard gives its
/// figures for the query's terms, which are summed (dfs); every shard searches its statements scoring with the sums
/// and gives its best up to the page asked for and every facet value's count; the gatherer puts the hits in one order
/// (<see cref="StatementSearch.Order"/>), takes the page, and sums the totals and counts, so every figure is exact.
/// </summary>
/// <param name="open">The shards of one search, one copy each, in any order.</param>
/// <param name="speakers">The speaker identity table profiles read (a cluster's, as its node last read it); null: none.</param>
public sealed class ShardedQuoteSearcher(Func<IReadOnlyList<IStatementShard>> open, SpeakerIdentities? speakers = null)
{
    /// <param name="shards">Shards of this process.</param>
    public ShardedQuoteSearcher(IReadOnlyList<SearchIndex> shards)
        : this(() => shards.Select(s => (IStatementShard)new IndexStatementShard(s)).ToList())
    {
    }

    /// <inheritdoc cref="QuoteSearcher.Search"/>
    public async Task<QuoteResult> SearchAsync(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var shards = open();
        // Without words nothing is scored: no figures are asked for.
        var ranked = !string.IsNullOrWhiteSpace(request.Query);
        var statistics = ranked
            ? CorpusStatistics.Sum(await Scatter.AllAsync(shards.Select(s => s.StatementDfsAsync(request))))
            : new CorpusStatistics(0, [], []);
        var answers = await Scatter.AllAsync(shards.Select(s => s.StatementsAsync(request, statistics)));
        var hits = answers.SelectMany(a => a.Hits).Order(StatementSearch.Order(ranked)).Skip((request.Page - 1) * request.PageSize);
        var counts = StatementDocuments.FacetFields.ToDictionary(f => f, f => Summed(answers.Select(a => a.Counts[f])));
        return StatementSearch.Result(request, answers.Sum(a => a.Total), hits, counts, clock.Elapsed);
    }

    /// <inheritdoc cref="SpeakerProfiles.Find"/>
    public async Task<SpeakerProfile?> FindSpeakerAsync(string name, SearchScope? scope = null) =>
        await SpeakerProfiles.GatherAsync(name, scope, speakers, async request => await SearchAsync(request), MonthsAsync);

    private async ValueTask<IReadOnlyDictionary<string, int>> MonthsAsync(QuoteRequest request) =>
        new SortedDictionary<string, int>(Summed(await Scatter.AllAsync(open().Select(s => s.StatementMonthsAsync(request)))), StringComparer.Ordinal);

    private static Dictionary<string, int> Summed(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (value, count) in counts.SelectMany(c => c))
            sum[value] = sum.GetValueOrDefault(value) + count;
        return sum;
    }
}
