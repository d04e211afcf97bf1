using SearchService.Core.Searching;
using SearchService.Core.Semantics;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A search over articles split into three shards answers as one index of the same articles does: the same hits in
/// the same order with the same scores, totals, facet counts, date histogram, region tree and "did you mean", for
/// every kind of request (pinned articles too), and the same suggestions. A few real news paragraphs, spread over all three shards.
/// </summary>
public sealed class ShardedSearchTests
    : IClassFixture<SentenceEmbedder>, IClassFixture<ShardedSearchTests.ThreeShards>, IClassFixture<ShardedSearchTests.ThreeShardsHoldingADeletedArticle>
{
    /// <summary>The sample articles in one index and in three shards, built once for every test here (they only read them).</summary>
    public sealed class ThreeShards : IDisposable
    {
        public ShardedIndexes Indexes { get; } = new(3, SampleArticles.All);

        public void Dispose() => Indexes.Dispose();
    }

    /// <summary>The same, but a shard's segment still holds an article written and deleted there, which the one index never had.</summary>
    public sealed class ThreeShardsHoldingADeletedArticle : IDisposable
    {
        public ShardedIndexes Indexes { get; } = new(3, SampleArticles.All, deletedFromShards: [SampleArticles.Withdrawn]);

        public void Dispose() => Indexes.Dispose();
    }

    private const string Question = "what did the ministers say about the yen and the trade talks";

    private static readonly Dictionary<string, SearchRequest> Requests = new()
    {
        ["one word"] = new("yen"),
        ["two words"] = new("yen trade"),
        ["a phrase"] = new("\"trade talks\""),
        ["a facet filter"] = new("yen", Region: ["Japan"], RegionTree: true),
        ["two values of a facet"] = new("rates", Region: ["Japan", "West Germany"], RegionTree: true),
        ["one hit per article"] = new("trade ministers", Unit: ResultUnit.Article, RegionTree: true, DateFacet: DateInterval.Month),
        ["newest first"] = new("trade", Order: ResultOrder.Date),
        ["newest article first"] = new("ministers", Unit: ResultUnit.Article, Order: ResultOrder.Date),
        ["a question"] = new(Question, Explain: true),
        ["a question, one hit per article"] = new(Question, Unit: ResultUnit.Article, Explain: true),
        ["a typo"] = new("yenn trade"),
        ["the second page"] = new("said", Page: 2, PageSize: 3),
        ["a date range"] = new("yen", Dates: new DateRange(SampleArticles.March, SampleArticles.March.AddDays(20)), DateFacet: DateInterval.Month),
        ["no query"] = new(null, RegionTree: true, DateFacet: DateInterval.Year),
        ["Lucene syntax"] = new("text:minist* AND title:yen", Syntax: QuerySyntax.Lucene, Explain: true),
        ["a prefix"] = new("minist* yen"),
        ["fresh first"] = new("yen trade", Explain: true, Recency: FreshFirst()),
        ["a question, fresh first"] = new(Question, Explain: true, Recency: FreshFirst()),
        ["a question, one hit per article, fresh first"] = new(Question, Unit: ResultUnit.Article, Recency: FreshFirst()),
        // An editor's choices: one the query ranks lower, one that does not share its words, one no shard holds.
        ["pinned articles"] = new("yen trade", Pinned: ["shipping", "storm", "no-such-article", "council"]),
        ["pinned articles, one hit per article"] = new("yen trade", Unit: ResultUnit.Article, Pinned: ["shipping", "storm", "no-such-article", "council"]),
        ["pinned articles, a question"] = new(Question, Explain: true, Pinned: ["opec", "yen-record"]),
        ["pinned articles, a filter leaving one out"] = new("yen", Region: ["Japan"], Pinned: ["storm", "savings"], PageSize: 3),
    };

    /// <summary>A week's half-life a month after the articles, so that their days apart matter.</summary>
    private static RecencyDecay FreshFirst() =>
        new(HalfLife.TryParse("7d", out var week) ? week : throw new InvalidOperationException(), SampleArticles.March.AddMonths(1));

    private readonly SentenceEmbedder embedder;
    private readonly ShardedIndexes indexes;

    private readonly ShardedIndexes holdingADeletedArticle;

    public ShardedSearchTests(SentenceEmbedder embedder, ThreeShards shards, ThreeShardsHoldingADeletedArticle holdingADeleted)
    {
        this.embedder = embedder;
        indexes = shards.Indexes;
        holdingADeletedArticle = holdingADeleted.Indexes;
    }

    public static TheoryData<string> Kinds() => [.. Requests.Keys];

    [Fact]
    public void The_articles_are_spread_over_every_shard() =>
        Assert.All(indexes.ParagraphsPerShard, paragraphs => Assert.True(paragraphs > 0));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_sharded_search_answers_as_one_index_does(string kind)
    {
        var request = Requests[kind];

        var expected = indexes.SearcherOverOneIndex().Search(request);
        var actual = await indexes.SearcherOverShards().SearchAsync(request);

        Assert.NotEmpty(expected.Hits);
        Assert.Empty(AnswerDifferences.Of(kind, expected, actual));
    }

    /// <remarks>
    /// Lucene counts a deleted paragraph in its segment's figures until a merge drops it, and when that happens is each
    /// copy's own history: the cluster's answers differed from the single node's after a test deleted an article
    /// (CI, a8b73d2) until a rebuild. A shard scores with the figures of live paragraphs only.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_shard_still_holding_a_deleted_article_answers_as_one_index_that_never_had_it(string kind)
    {
        var request = Requests[kind];

        var expected = holdingADeletedArticle.SearcherOverOneIndex().Search(request);
        var actual = await holdingADeletedArticle.SearcherOverShards().SearchAsync(request);

        Assert.True(holdingADeletedArticle.DeletedParagraphsHeld > 0);
        Assert.Empty(AnswerDifferences.Of(kind, expected, actual));
    }

    [Fact]
    public async Task Re_ranking_by_meaning_runs_once_over_the_gathered_hits()
    {
        var request = new SearchRequest("which central banks raised interest rates", SemanticRerank: true, Explain: true);

        var expected = indexes.SearcherOverOneIndex(new SemanticReranker(embedder)).Search(request);
        var actual = await indexes.SearcherOverShards(new SemanticReranker(embedder)).SearchAsync(request);

        Assert.Contains(expected.Hits, h => h.Explanation?.Semantic is not null);
        Assert.Empty(AnswerDifferences.Of("semantic", expected, actual));
        Assert.Equal(expected.Hits.Select(h => h.Explanation?.Semantic), actual.Hits.Select(h => h.Explanation?.Semantic));
    }

    [Theory]
    [InlineData("ye")]
    [InlineData("trade t")]
    [InlineData("minis")]
    [InlineData("japan ")]
    [InlineData("west")]
    public void Suggestions_count_the_words_of_every_shard_together(string typed)
    {
        var expected = indexes.SuggesterOverOneIndex().Suggest(typed, 10);
        var actual = indexes.SuggesterOverShards().Suggest(typed, 10);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("", ResultUnit.Paragraph)]
    [InlineData("ja", ResultUnit.Article)]
    public async Task Values_of_one_facet_are_counted_over_every_shard(string prefix, ResultUnit unit)
    {
        var request = new SearchRequest("trade OR yen OR rates", Region: ["Japan"], Unit: unit);

        var expected = indexes.SearcherOverOneIndex().FacetValues(request, Core.Indexing.IndexSchema.Region, prefix, 10);
        var actual = await indexes.SearcherOverShards().FacetValuesAsync(request, Core.Indexing.IndexSchema.Region, prefix, 10);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

}
