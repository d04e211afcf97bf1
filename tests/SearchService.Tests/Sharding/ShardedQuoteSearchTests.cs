using System.Text.Json;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Sharding;

/// <summary>
/// The statements of the first Reuters articles in one index and split over three shards: <c>/quotes</c> requests of
/// every kind and speakers' profiles get the same answers from the shards (<see cref="ShardedQuoteSearcher"/>) as from
/// the one index (<see cref="QuoteSearcher"/>, <see cref="SpeakerProfiles"/>), scores, order, totals and every facet count alike.
/// </summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ShardedQuoteSearchTests : IDisposable
{
    private const int Articles = 2000;
    private const int Shards = 3;

    private readonly ShardedIndexes indexes;
    private readonly QuoteSearcher single;
    private readonly ShardedQuoteSearcher sharded;

    public ShardedQuoteSearchTests()
    {
        indexes = ShardedIndexes.OfFirstReuters(Shards, Articles);
        single = new QuoteSearcher(indexes.SingleIndex);
        sharded = new ShardedQuoteSearcher(indexes.ShardIndexes);
    }

    [ReutersFact]
    public async Task Quote_requests_of_every_kind_are_answered_by_the_shards_as_by_one_index()
    {
        var requests = QuoteRequests.From(single.Search(new QuoteRequest()));
        var differences = new List<string>();
        foreach (var request in requests)
        {
            var expected = single.Search(request);
            Assert.True(expected.Total > 0, $"{QuoteRequests.Url(request)} finds nothing: it shows nothing");
            differences.AddRange(QuoteRequests.Differences(QuoteRequests.Url(request), expected, await sharded.SearchAsync(request)));
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(20))}");
    }

    [ReutersFact]
    public async Task A_scoped_key_s_scope_limits_the_shards_answer_as_it_limits_one_index_s()
    {
        var all = single.Search(new QuoteRequest());
        var scope = new SearchScope(Region: [all.Facets[IndexSchema.Region][1].Value]);
        var request = new QuoteRequest(Query: "prices", Scope: scope);
        var expected = single.Search(request);
        Assert.InRange(expected.Total, 1, all.Total - 1);
        Assert.Empty(QuoteRequests.Differences("scoped", expected, await sharded.SearchAsync(request)));
    }

    [ReutersFact]
    public async Task Speakers_profiles_gathered_from_the_shards_are_one_index_s()
    {
        var profiles = new SpeakerProfiles(indexes.SingleIndex, single);
        var speakers = single.Search(new QuoteRequest(FacetSize: 5)).Facets[IndexSchema.Speaker].Select(s => s.Value).Append("Nobody Ever Quoted");
        foreach (var speaker in speakers)
        {
            var expected = profiles.Find(speaker);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await sharded.FindSpeakerAsync(speaker)));
        }
    }

    [ReutersFact]
    public async Task A_deep_page_reads_and_highlights_the_page_s_statements_only()
    {
        var shards = indexes.ShardIndexes.Select(index => new CountingStatementShard(new IndexStatementShard(index))).ToList();
        var counted = new ShardedQuoteSearcher(() => shards);
        var request = new QuoteRequest(Page: 4, PageSize: 10);
        var expected = single.Search(request);
        Assert.True(expected.Total > 40, $"{expected.Total} statements: page 4 is not full");

        var answer = await counted.SearchAsync(request);

        Assert.Empty(QuoteRequests.Differences("page 4", expected, answer));
        Assert.Equal(Shards * 40, shards.Sum(s => s.KeysGiven));
        Assert.Equal(10, shards.Sum(s => s.Read));
    }

    public void Dispose() => indexes.Dispose();
}
