using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Semantics;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Semantics;

/// <summary>
/// rerank=semantic fuses the words' order of the best hits with their order by meaning: an answer worded differently
/// rises above a paragraph that only shares the question's words, and nothing but the order of those hits changes.
/// </summary>
public sealed class SemanticRerankerTests : IClassFixture<SentenceEmbedder>, IDisposable
{
    private const string Question = "which central banks raised interest rates";

    private readonly SentenceEmbedder embedder;
    private readonly TestIndex index = new TestIndex()
        // Four of the question's words, about a flower show.
        .Add(new Article("festival", "Flower festival", [
            "Interest in the central square rose as banks of flowers were raised for the festival."]),
            TestIndex.FacetsOf(region: ["France"]))
        // The answer, with three of the question's words and the rest in other words ("lifted its key lending rates").
        .Add(new Article("bundesbank", "Bundesbank", [
            "West Germany's central bank lifted its key lending rates by half a point on Thursday."]),
            TestIndex.FacetsOf(region: ["West Germany"]))
        // Money, but no answer.
        .Add(new Article("deposits", "Savings", ["Savers moved deposits to banks offering higher rates."]),
            TestIndex.FacetsOf(region: ["Japan"]))
        .Add(new Article("hotels", "Holidays", ["Hotel rates in the resort doubled for the summer season."]),
            TestIndex.FacetsOf(region: ["Spain"]));

    public SemanticRerankerTests(SentenceEmbedder embedder) => this.embedder = embedder;

    private SearchResult Search(bool semantic, ResultUnit unit = ResultUnit.Paragraph, ResultOrder order = ResultOrder.Relevance, int page = 1, int pageSize = 10) =>
        new ParagraphSearcher(index.Index, semantic: new SemanticReranker(embedder))
            .Search(new SearchRequest(Question, Unit: unit, Order: order, Page: page, PageSize: pageSize, SemanticRerank: semantic));

    [Fact]
    public void The_answer_in_other_words_rises_above_the_paragraph_that_only_shares_words()
    {
        Assert.Equal("festival", Search(semantic: false).Hits[0].ArticleId);
        Assert.Equal("bundesbank", Search(semantic: true).Hits[0].ArticleId);
    }

    [Fact]
    public void One_hit_per_article_is_reranked_too()
    {
        Assert.Equal("bundesbank", Search(semantic: true, unit: ResultUnit.Article).Hits[0].ArticleId);
    }

    [Fact]
    public void Matches_total_facets_and_scores_stay_those_of_the_words()
    {
        var words = Search(semantic: false);
        var meaning = Search(semantic: true);

        Assert.Equal(words.Total, meaning.Total);
        Assert.Equal(words.Facets.Region.Select(v => (v.Value, v.Count)), meaning.Facets.Region.Select(v => (v.Value, v.Count)));
        Assert.Equal(words.Hits.ToDictionary(h => h.Id, h => h.Score), meaning.Hits.ToDictionary(h => h.Id, h => h.Score));
        Assert.NotEqual(words.Hits.Select(h => h.Id), meaning.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Explain_gives_each_reranked_hit_its_similarity_and_its_ranks_by_words_by_meaning_and_fused()
    {
        var hits = new ParagraphSearcher(index.Index, semantic: new SemanticReranker(embedder))
            .Search(new SearchRequest(Question, Explain: true, SemanticRerank: true)).Hits;

        var places = hits.Select(h => h.Explanation!.Semantic!).ToList();
        Assert.Equal(Enumerable.Range(1, hits.Count), places.Select(p => p.Rank));
        Assert.Equal(Enumerable.Range(1, hits.Count), places.Select(p => p.WordsRank).Order());
        Assert.Equal(Enumerable.Range(1, hits.Count), places.Select(p => p.MeaningRank).Order());
        Assert.Equal(places.OrderBy(p => p.MeaningRank).Select(p => p.Similarity), places.Select(p => p.Similarity).OrderDescending());
        var bundesbank = places[hits.ToList().FindIndex(h => h.ArticleId == "bundesbank")];
        Assert.Equal((1, 2), (bundesbank.MeaningRank, bundesbank.WordsRank));
    }

    [Fact]
    public void Pages_follow_the_reranked_order()
    {
        var all = Search(semantic: true).Hits.Select(h => h.Id).ToList();
        var paged = Enumerable.Range(1, all.Count).SelectMany(p => Search(semantic: true, page: p, pageSize: 1).Hits).Select(h => h.Id);

        Assert.Equal(all, paged);
    }

    [Fact]
    public void Newest_first_is_not_reordered()
    {
        Assert.Equal(
            Search(semantic: false, order: ResultOrder.Date).Hits.Select(h => h.Id),
            Search(semantic: true, order: ResultOrder.Date).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Hits_below_the_depth_keep_their_places()
    {
        string[] ranked = ["Heavy rain flooded the towns.", "Banks raised rates.", "Oil prices fell.", "The yen rose.", "Storms hit the coast."];

        var reranked = new SemanticReranker(embedder, depth: 2).Rerank("which towns were flooded by storms", ranked, t => t).Order;

        Assert.Equal(ranked.Skip(2), reranked.Skip(2));
        Assert.Equal(ranked.Take(2).Order(), reranked.Take(2).Order());
    }

    [Fact]
    public void A_searcher_without_a_reranker_refuses_a_semantic_request()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new ParagraphSearcher(index.Index).Search(new SearchRequest(Question, SemanticRerank: true)));
    }

    public void Dispose() => index.Dispose();
}
