using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>
/// Questions are ranked in two stages: the words over every match, then proximity and feedback words re-score the best
/// matches. The second stage must score exactly as one query would, and keep every match and count as they were.
/// </summary>
public sealed class QuestionRescorerTests : IDisposable
{
    private const string Question = "what did the ministers say about the yen and the trade talks";

    private readonly TestIndex index = new TestIndex()
        .Add(new Article("close", "Council meeting", [
            "The ministers discussed the yen at length before the meeting moved on to trade, farm subsidies and shipping rules.",
            "Trade talks with Japan resume in May, the ministers said."]),
            TestIndex.FacetsOf(region: ["Europe"]), TestIndex.FacetsOf(region: ["Japan"]))
        .Add(new Article("far", "Council meeting", [
            "The ministers discussed trade at length before the meeting moved on to farm subsidies, shipping rules and the yen.",
            "Dealers said the yen was steady in Tokyo."]),
            TestIndex.FacetsOf(region: ["Japan"]), TestIndex.FacetsOf(region: ["Japan"]))
        .Add(new Article("talks", "Trade talks", ["Trade talks between the two countries broke down over farm subsidies."]))
        .Add(new Article("other", "Weather", ["Heavy rain flooded the coastal towns overnight."]));

    private SearchResult Search(string q, ResultUnit unit = ResultUnit.Paragraph, ResultOrder order = ResultOrder.Relevance, int pageSize = 10) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, Unit: unit, Order: order, PageSize: pageSize, Explain: true));

    [Fact]
    public void A_rescored_score_is_what_lucene_explains_for_the_query_of_both_stages()
    {
        var hits = Search(Question).Hits;

        Assert.True(hits.Count >= 4, $"{hits.Count} hits");
        Assert.All(hits, h => Assert.Equal(h.Explanation!.Score, h.Score!.Value, 4));
        Assert.Contains(hits.SelectMany(h => h.Explanation!.Parts), p => p.Match.Contains('~'));
    }

    [Fact]
    public void Rescored_hits_are_in_order_of_their_scores()
    {
        var scores = Search(Question).Hits.Select(h => h.Score!.Value).ToList();

        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Proximity_lifts_the_paragraph_where_the_question_words_stand_together()
    {
        var hits = Search(Question).Hits;

        var close = hits.Single(h => h.ArticleId == "close" && h.Paragraph == 1).Score!.Value;
        var far = hits.Single(h => h.ArticleId == "far" && h.Paragraph == 1).Score!.Value;
        Assert.True(close > far, $"close {close}, far {far}");
    }

    [Fact]
    public void Rescoring_keeps_every_match_and_the_total()
    {
        var result = Search(Question, pageSize: 100);

        Assert.Equal(5, result.Total);
        Assert.Equal(5, result.Hits.Select(h => h.Id).Distinct().Count());
        Assert.DoesNotContain(result.Hits, h => h.ArticleId == "other");
    }

    [Fact]
    public void One_hit_per_article_takes_each_articles_best_rescored_paragraph()
    {
        var paragraphs = Search(Question, pageSize: 100).Hits;
        var articles = Search(Question, ResultUnit.Article).Hits;

        Assert.Equal(3, articles.Count);
        foreach (var article in articles)
        {
            var best = paragraphs.Where(p => p.ArticleId == article.ArticleId).MaxBy(p => p.Score)!;
            Assert.Equal(best.Score, article.Score);
            Assert.Equal(best.Paragraph, article.Paragraph);
        }
    }

    [Fact]
    public void One_hit_per_article_counts_facets_in_articles_for_a_question()
    {
        var paragraphs = Search(Question, pageSize: 100).Hits;
        var articles = Search(Question, ResultUnit.Article);

        var expected = paragraphs.SelectMany(p => p.Region.Select(r => (Region: r, p.ArticleId))).Distinct()
            .GroupBy(x => x.Region).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Japan"] = 2, ["Europe"] = 1 }, expected);
        Assert.Equal(expected.OrderBy(kv => kv.Key), articles.Facets.Region.ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
        Assert.Equal(3, articles.TotalArticles);
        Assert.Equal(5, articles.Total);
    }

    [Fact]
    public void Newest_first_answers_a_question_with_the_same_matches()
    {
        var byDate = Search(Question, order: ResultOrder.Date, pageSize: 100);

        Assert.Equal(5, byDate.Total);
        Assert.All(byDate.Hits, h => Assert.Equal(h.Explanation!.Score, h.Score!.Value, 4));
    }

    [Fact]
    public void A_question_with_a_prefix_word_is_answered()
    {
        var hits = Search("what did the minist* say about the yen and trade").Hits;

        Assert.Contains(hits, h => h.ArticleId == "close");
    }

    public void Dispose() => index.Dispose();
}
