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
/// and gives the keys of its best up to the page asked for and every facet value's count (query); the gatherer puts
/// them in one order (<see cref="StatementSearch.Order"/>), takes the page, sums the totals and counts, so every figure
/// is exact, and asks each shard to read and highlight its statements of the page only (fetch), as one index reads
/// the page only.
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
        var answers = await Scatter.AllAsync(shards.Select(s => s.StatementMatchesAsync(request, statistics)));
        var order = StatementSearch.Order(ranked);
        var page = answers.SelectMany((a, shard) => a.Best.Select(match => (Shard: shard, Match: match)))
            .OrderBy(m => m.Match, order).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        var hits = await FetchAsync(shards, request, page);
        var counts = StatementDocuments.FacetFields.ToDictionary(f => f, f => Summed(answers.Select(a => a.Counts[f])));
        return StatementSearch.Result(request, answers.Sum(a => a.Total), page.Select(m => hits[m]).OfType<QuoteHit>(), counts, clock.Elapsed);
    }

    /// <summary>Each shard reads its statements of the page, every shard at once; one a write removed since the query phase is left out.</summary>
    private static async ValueTask<Dictionary<(int Shard, StatementMatch Match), QuoteHit?>> FetchAsync(
        IReadOnlyList<IStatementShard> shards, QuoteRequest request, IReadOnlyList<(int Shard, StatementMatch Match)> page)
    {
        var onShards = page.GroupBy(m => m.Shard).Select(g => g.ToList()).ToList();
        var read = await Scatter.AllAsync(onShards.Select(matches => shards[matches[0].Shard].StatementHitsAsync(request, matches.ConvertAll(m => m.Match))));
        return onShards.Zip(read).SelectMany(pair => pair.First.Zip(pair.Second)).ToDictionary(p => p.First, p => p.Second);
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
