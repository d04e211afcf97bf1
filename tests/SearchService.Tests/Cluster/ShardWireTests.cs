using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using SearchService.Cluster.Shards;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Cluster;

/// <summary>
/// What crosses between the gatherer and a shard grain: Core's records through Orleans' serializer as the cluster
/// configures it (<see cref="ShardHosting.AddCoreRecordsAsJson"/>), and a shard's call bounded in time.
/// </summary>
public sealed class ShardWireTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddCoreRecordsAsJson())
        .BuildServiceProvider();

    private static readonly Serializer Wire = Services.GetRequiredService<Serializer>();

    [Fact]
    public void A_shard_request_crosses_the_wire_as_it_was_made()
    {
        var request = new ShardRequest(
            new SearchRequest("yen AND dollr", QuerySyntax.Lucene, Region: ["japan"], Topic: ["money-fx", "trade"], Page: 2,
                Unit: ResultUnit.Article, Order: ResultOrder.Date, Explain: true,
                Dates: new DateRange(new DateTimeOffset(1987, 3, 1, 0, 0, 0, TimeSpan.Zero), null), DateFacet: DateInterval.Month),
            [new SpellingCorrection("dollr", "dollar")],
            SemanticDepth: 20);

        Assert.Equal(JsonSerializer.Serialize(request), JsonSerializer.Serialize(RoundTrip(request)));
    }

    [Fact]
    public void A_shard_answer_crosses_the_wire_with_every_hit_score_and_count()
    {
        var answer = new ShardAnswer(
            Total: 41,
            TotalArticles: 17,
            Hits: [new ShardHit(3, 7.1234567f, 544_000_000_000_000_000, "reuters-12", 2, 4), new ShardHit(9, 0.1f / 3, 0, "tokyo-dealers", 0, null)],
            Candidates: [new ShardHit(3, 7.1234567f, 544_000_000_000_000_000, "reuters-12", 2, null)],
            new ShardFacets(
                new Dictionary<string, Dictionary<string, int>> { ["region"] = new() { ["japan"] = 12, ["usa"] = 3 } },
                new Dictionary<string, int> { ["asia/japan"] = 12 },
                [new FacetValue("1987-03", 41)]),
            Paragraphs: 1_204,
            AskedTerms: ["yen", "minist"],
            Pinned: [new ShardHit(5, null, 0, "pinned-choice", 1, 0)],
            Proximity: new ShardProximity(new Dictionary<int, float> { [3] = 9.8765432f }, new Dictionary<int, string> { [3] = "The yen rose." }));

        var crossed = RoundTrip(answer);

        Assert.Equal(answer.Hits.Select(h => h.Score), crossed.Hits.Select(h => h.Score));
        Assert.Equal(answer.Proximity!.Scores[3], crossed.Proximity!.Scores[3]);
        Assert.Equal(JsonSerializer.Serialize(answer), JsonSerializer.Serialize(crossed));
    }

    [Fact]
    public void A_shard_hit_crosses_the_wire_as_its_values_without_their_names_and_reads_back_exactly()
    {
        ShardHit[] hits = [new(3, 0.1f / 3, 544_000_000_000_000_000, "reuters-12", 2, 4), new(9, null, 0, "tokyo \"dealers\"", 0, null)];

        var crossed = RoundTrip(hits.ToList());

        Assert.Equal(hits, crossed);
        Assert.DoesNotContain("ArticleId", JsonSerializer.Serialize(hits), StringComparison.Ordinal);
    }

    /// <summary>Orleans copies a call's arguments and answer even within a silo: Core's records are passed as they are.</summary>
    [Fact]
    public void A_core_record_passes_a_call_within_a_silo_as_it_is_not_copied()
    {
        var copier = Services.GetRequiredService<DeepCopier>();
        var request = new ShardRequest(new SearchRequest("yen", Region: ["japan"]), [new SpellingCorrection("yenn", "yen")], SemanticDepth: 0);
        List<ShardHit> hits = [new(3, 1.5f, 0, "reuters-12", 2, null)];

        Assert.Same(request, copier.Copy(request));
        Assert.Same(hits[0], copier.Copy(hits)[0]);
    }

    /// <summary>
    /// The wire's generated code writes what reflection writes, for a search's every call to a shard (a word query's
    /// dfs, a typo's neighbours, query and fetch with explanations, and a question's with its word pairs and feedback words).
    /// </summary>
    [Theory]
    [InlineData("cocoa bahia")]
    [InlineData("why did the cocoa crop in bahia improve")]
    public async Task The_wire_s_generated_code_writes_a_search_s_calls_as_reflection_does(string query)
    {
        using var index = new TestIndex().Add(NewsArticles.Cocoa("cocoa-1")).Add(NewsArticles.Cocoa("cocoa-2"));
        using var source = new IndexShardSource(index.Index);
        using var shard = source.Open();
        var request = new ShardRequest(new SearchRequest(query, Explain: true, RegionTree: true, DateFacet: DateInterval.Month), [], SemanticDepth: 0);
        var dfs = await shard.DfsAsync(request, ["bahia"]);
        var lookup = new NeighbourLookup("bahai", MaxEdits: 1);
        var neighbours = await shard.NeighboursAsync([lookup]);
        var answer = await shard.QueryAsync(request, dfs.Statistics);
        var fetched = await shard.FetchAsync(request, dfs.Statistics, [new FeedbackWord("crop", 0.5f)], answer.Candidates.Concat(answer.Hits).ToList(), new HashSet<int>());

        Assert.NotEmpty(fetched);
        Assert.NotEmpty(neighbours.Figures.Terms);
        Assert.All(new object[] { request, dfs, lookup, neighbours, answer, fetched[0] }, value =>
            Assert.Equal(JsonSerializer.Serialize(value, value.GetType()), JsonSerializer.Serialize(value, value.GetType(), ShardWireJson.WireOptions)));
    }

    /// <summary>A record a shard grain's call carries that the wire's generated code does not list is written by reflection, more slowly.</summary>
    [Fact]
    public void Every_core_record_a_shard_grain_call_carries_is_written_by_generated_code()
    {
        var carried = typeof(IShardGrain).GetMethods()
            .SelectMany(method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType))
            .SelectMany(Carried)
            .Where(ShardHosting.IsCoreRecord)
            .Distinct()
            .ToList();

        Assert.Contains(typeof(ShardAnswer), carried);
        Assert.All(carried, type => Assert.True(ShardWireJson.Default.GetTypeInfo(type) is not null, $"{type} is not listed in {nameof(ShardWireJson)}"));
    }

    /// <summary>A type and, for a task, a collection or a nullable value, the types it carries.</summary>
    private static IEnumerable<Type> Carried(Type type) => type.IsGenericType ? type.GetGenericArguments().SelectMany(Carried) : [type];

    /// <summary>With paragraph hits a question's best hits are its candidates, which the gatherer reads: sent once, not twice.</summary>
    [Fact]
    public async Task A_question_s_answer_to_the_query_phase_holds_its_candidates_once()
    {
        using var index = new TestIndex().Add(NewsArticles.Cocoa("cocoa-1")).Add(NewsArticles.Cocoa("cocoa-2"));
        using var source = new IndexShardSource(index.Index);
        using var shard = source.Open();
        var request = new ShardRequest(new SearchRequest("why did the cocoa crop in bahia improve"), [], SemanticDepth: 0);
        var dfs = await shard.DfsAsync(request, []);

        var answer = await shard.QueryAsync(request, dfs.Statistics);

        Assert.NotEmpty(answer.Candidates);
        Assert.Empty(answer.Hits);
    }

    [Fact]
    public async Task A_shard_call_that_does_not_answer_fails_with_the_shard_named_within_its_timeout()
    {
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ShardUnavailableException>(async () =>
            await GrainShard.BoundedAsync(new TaskCompletionSource<int>().Task, TimeSpan.FromMilliseconds(200), shard: 5));

        // .NET's timers run on a millisecond tick and may fire a few milliseconds early (196.6 ms seen in CI): the bound
        // shows the call was waited for, not failed at once, and not left hanging.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
        Assert.Equal(5, failure.Shard);
        Assert.Contains("Shard 5", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_call_that_fails_for_another_reason_fails_with_the_shard_named_so_that_another_copy_is_asked()
    {
        var cause = new NotSupportedException("Serialization and deserialization of 'System.Reflection.MethodBase' instances is not supported.");

        var failure = await Assert.ThrowsAsync<ShardUnavailableException>(async () =>
            await GrainShard.BoundedAsync(Task.FromException<int>(cause), TimeSpan.FromSeconds(5), shard: 3));

        Assert.Equal(3, failure.Shard);
        Assert.Same(cause, failure.InnerException);
    }

    [Fact]
    public void A_thrown_query_timeout_crosses_the_wire_with_its_type_message_and_budget()
    {
        // Thrown, so it carries the method it was thrown in, which the JSON codec cannot write.
        var thrown = Thrown(new QueryTimeoutException(TimeSpan.FromMilliseconds(400), new TimeoutException("terms still being enumerated")));

        var crossed = Assert.IsType<QueryTimeoutException>(RoundTrip<object>(thrown));

        Assert.Equal(thrown.Message, crossed.Message);
        Assert.Equal(thrown.Budget, crossed.Budget);
        Assert.Equal("terms still being enumerated", crossed.InnerException?.Message);
    }

    [Fact]
    public void A_thrown_syntax_error_and_refusal_cross_the_wire_with_their_types_and_messages()
    {
        var syntax = Thrown(new QuerySyntaxException("Cannot parse 'title:(': Encountered \"<EOF>\" at line 1, column 7."));
        var refused = Thrown(new QueryRefusedException("The regular expression is longer than 1000 characters."));

        Assert.Equal(syntax.Message, Assert.IsType<QuerySyntaxException>(RoundTrip<object>(syntax)).Message);
        Assert.Equal(refused.Message, Assert.IsType<QueryRefusedException>(RoundTrip<object>(refused)).Message);
    }

    [Theory]
    [InlineData("syntax")]
    [InlineData("refused")]
    public async Task A_query_a_shard_cannot_run_stays_the_search_s_failure_not_an_unavailable_copy(string kind)
    {
        Exception cannotRun = kind == "syntax" ? new QuerySyntaxException("Cannot parse 'title:('") : new QueryRefusedException("Too many states.");

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await GrainShard.BoundedAsync(Task.FromException<int>(cannotRun), TimeSpan.FromSeconds(5), shard: 3));

        Assert.Same(cannotRun, failure);
    }

    [Fact]
    public async Task A_query_over_its_budget_on_a_shard_stays_the_search_s_failure()
    {
        var overBudget = new QueryTimeoutException(TimeSpan.FromSeconds(2), new OperationCanceledException());

        var failure = await Assert.ThrowsAsync<QueryTimeoutException>(async () =>
            await GrainShard.BoundedAsync(Task.FromException<int>(overBudget), TimeSpan.FromSeconds(5), shard: 3));

        Assert.Same(overBudget, failure);
    }

    private static T Thrown<T>(T exception) where T : Exception
    {
        try
        {
            throw exception;
        }
        catch (T caught)
        {
            return caught;
        }
    }

    private static T RoundTrip<T>(T value) where T : class => Wire.Deserialize<T>(Wire.SerializeToArray(value))!;
}
