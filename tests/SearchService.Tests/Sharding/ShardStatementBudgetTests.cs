using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A statement search past the time budget of a shard copy's index (budgeted searchers, as a copy opens its index) is
/// stopped in the copy's query phase, and ends the search gathered from the shards as it ends one index's: with
/// <see cref="QueryTimeoutException"/>, which the API answers as its 503 problem.
/// </summary>
public sealed class ShardStatementBudgetTests(ShardStatementBudgetTests.Setup setup) : IClassFixture<ShardStatementBudgetTests.Setup>
{
    /// <summary>One index of <see cref="CostlyStatements"/> stopping searches after 1 ms.</summary>
    public sealed class Setup : IDisposable
    {
        public Setup() => CostlyStatements.AddTo(Shard);

        public TestIndex Shard { get; } = new(TimeSpan.FromMilliseconds(1));

        public void Dispose() => Shard.Dispose();
    }

    private static readonly QuoteRequest Costly = new(Query: CostlyStatements.Query);

    [Fact]
    public async Task A_copy_s_query_phase_stops_a_statement_search_past_its_budget()
    {
        var shard = new IndexStatementShard(setup.Shard.Index);
        var statistics = await shard.StatementDfsAsync(Costly);

        var stopped = await Assert.ThrowsAsync<QueryTimeoutException>(() => shard.StatementMatchesAsync(Costly, statistics).AsTask());

        Assert.Equal(TimeSpan.FromMilliseconds(1), stopped.Budget);
    }

    [Fact]
    public async Task A_statement_search_past_its_budget_on_a_shard_ends_as_it_ends_on_one_index()
    {
        var gathered = await Assert.ThrowsAsync<QueryTimeoutException>(() => new ShardedQuoteSearcher([setup.Shard.Index]).SearchAsync(Costly));

        var single = Assert.Throws<QueryTimeoutException>(() => new QuoteSearcher(setup.Shard.Index).Search(Costly));
        // What the API's 503 "Query took too long" is made of.
        Assert.Equal(single.Message, gathered.Message);
        Assert.Equal(single.Budget, gathered.Budget);
    }
}
