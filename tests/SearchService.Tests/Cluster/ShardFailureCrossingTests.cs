using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SearchService.Api.Problems;
using SearchService.Cluster.Shards;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// A search that ends on a shard with one of Core's exceptions (a query that does not parse, one refused for its cost,
/// one over its time budget, a statement search's too) ends the same way on a node whose shard lives on another silo: the exception crosses as
/// itself (<see cref="CoreExceptionConverter"/>), is not taken for an unavailable copy, and the API answers it with
/// the problem a single node answers. Two in-process silos, one shard in one copy; the calls are made from the silo
/// that does not hold it, through its own grain factory, as a node's API makes them.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardFailureCrossingTests(ShardFailureCrossingTests.Setup setup) : IClassFixture<ShardFailureCrossingTests.Setup>
{
    /// <summary>
    /// One article of 100,000 distinct words and <see cref="CostlyStatements"/> on a shard copy and on a single index,
    /// both stopping searches after 1 ms.
    /// </summary>
    public sealed class Setup : IAsyncLifetime
    {
        /// <summary>Enumerating the w-words takes milliseconds: a pattern matching none of them runs past 1 ms.</summary>
        private static readonly Article Words = new("words", "Words",
            Enumerable.Range(0, 100).Select(p => string.Join(' ', Enumerable.Range(p * 1_000, 1_000).Select(i => $"w{i:D6}"))).ToList());

        private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1);

        private ShardCluster? cluster;

        public TestIndex SingleIndex { get; } = new TestIndex(Budget).Add(Words);

        /// <summary>The shard's one copy, as the silo that does not hold it reaches it.</summary>
        public GrainShardSource FromOtherSilo { get; private set; } = null!;

        /// <summary>A gatherer on the silo that does not hold the shard, as a node's API searches.</summary>
        public ShardedSearcher Searcher { get; private set; } = null!;

        /// <summary>A statement gatherer on the silo that does not hold the shard, as a node's API searches statements.</summary>
        public ShardedQuoteSearcher Quotes { get; private set; } = null!;

        public string ShardSilo { get; private set; } = "";

        public string CallingSilo { get; private set; } = "";

        public async Task InitializeAsync()
        {
            if (PostgresFactAttribute.ConnectionString is null)
                return; // the tests are skipped, saying why
            cluster = await ShardCluster.StartAsync(silos: 2, shards: 1, replicas: 1, queryBudget: Budget);
            CostlyStatements.AddTo(SingleIndex);
            await cluster.WaitUntilAppliedAsync(await cluster.Log.PutManyAsync([Words, .. CostlyStatements.Articles()]));
            ShardSilo = (await cluster.StatusesAsync()).Single().Silo;
            var caller = (InProcessSiloHandle)cluster.Cluster.Silos.Single(s => s.SiloAddress.ToString() != ShardSilo);
            CallingSilo = caller.SiloAddress.ToString();
            var grains = caller.ServiceProvider.GetRequiredService<IGrainFactory>();
            FromOtherSilo = new GrainShardSource(grains, shard: 0, replicas: 1, GrainShardSource.DefaultTimeout);
            Searcher = new ShardedSearcher([FromOtherSilo], IndexSchema.CreateAnalyzer());
            Quotes = new ShardedQuoteSearcher(GrainStatementShard.All(grains, shards: 1, replicas: 1, GrainShardSource.DefaultTimeout));
        }

        public async Task DisposeAsync()
        {
            SingleIndex.Dispose();
            if (cluster is not null)
                await cluster.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_query_that_does_not_parse_on_a_shard_of_another_silo_is_the_single_node_s_400_naming_q()
    {
        var request = new SearchRequest("title:(unclosed AND", QuerySyntax.Lucene);

        var crossed = await Assert.ThrowsAsync<QuerySyntaxException>(() => AskShardAsync(request));

        Assert.NotEqual(setup.ShardSilo, setup.CallingSilo);
        AssertSameProblem(Assert.Throws<QuerySyntaxException>(() => new ParagraphSearcher(setup.SingleIndex.Index).Search(request)), crossed);
    }

    [PostgresFact]
    public async Task A_query_refused_for_its_cost_on_a_shard_of_another_silo_is_the_single_node_s_400_naming_q()
    {
        var request = new SearchRequest($"/{new string('a', 1_001)}/", QuerySyntax.Lucene);

        var crossed = await Assert.ThrowsAsync<QueryRefusedException>(() => AskShardAsync(request));

        AssertSameProblem(Assert.Throws<QueryRefusedException>(() => new ParagraphSearcher(setup.SingleIndex.Index).Search(request)), crossed);
    }

    [PostgresFact]
    public async Task A_search_over_its_budget_on_a_shard_of_another_silo_ends_with_the_single_node_s_timeout_not_an_unavailable_shard()
    {
        var request = new SearchRequest("/w.*x/", QuerySyntax.Lucene);

        var crossed = await Assert.ThrowsAsync<QueryTimeoutException>(() => setup.Searcher.SearchAsync(request));

        var single = Assert.Throws<QueryTimeoutException>(() => new ParagraphSearcher(setup.SingleIndex.Index).Search(request));
        // What the API's 503 "Query took too long" is made of.
        Assert.Equal(single.Message, crossed.Message);
        Assert.Equal(single.Budget, crossed.Budget);
    }

    [PostgresFact]
    public async Task A_statement_search_over_its_budget_on_a_shard_of_another_silo_ends_with_the_single_node_s_timeout()
    {
        var request = new QuoteRequest(Query: CostlyStatements.Query);

        var crossed = await Assert.ThrowsAsync<QueryTimeoutException>(() => setup.Quotes.SearchAsync(request));

        var single = Assert.Throws<QueryTimeoutException>(() => new QuoteSearcher(setup.SingleIndex.Index).Search(request));
        Assert.Equal(single.Message, crossed.Message);
        Assert.Equal(single.Budget, crossed.Budget);
    }

    /// <summary>The shard's first phase, which parses the request: the gatherer's own parse would refuse it before any call.</summary>
    private async Task AskShardAsync(SearchRequest request)
    {
        using var shard = await setup.FromOtherSilo.OpenAsync();
        await shard.DfsAsync(new ShardRequest(request, [], SemanticDepth: 0), []);
    }

    private static void AssertSameProblem(Exception single, Exception crossed)
    {
        var expected = Assert.IsType<ProblemHttpResult>(QueryProblem.For(single));
        var answered = Assert.IsType<ProblemHttpResult>(QueryProblem.For(crossed));
        Assert.Equal(400, answered.StatusCode);
        Assert.Equal(JsonSerializer.Serialize(expected.ProblemDetails), JsonSerializer.Serialize(answered.ProblemDetails));
    }
}
