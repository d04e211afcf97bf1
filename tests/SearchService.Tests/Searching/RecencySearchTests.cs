using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;
using static SearchService.Tests.TestSupport.TestIndex;

namespace SearchService.Tests.Searching;

/// <summary>
/// Fresh results first (<see cref="RecencyDecay"/>) over a real index: four articles that match "cocoa" equally, of
/// different ages and one undated, whose ids put them oldest first when scores tie; and a strong old match against a
/// weak fresh one.
/// </summary>
public sealed class RecencySearchTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private const string Equal = "Cocoa prices rose in Accra as exporters bought ahead of the harvest.";

    private readonly TestIndex index = new TestIndex()
        .Add(new Article("a-stale", "Cocoa", [Equal], Date: Now.AddYears(-2)), FacetsOf(region: ["Ghana"]))
        .Add(new Article("b-month", "Cocoa", [Equal], Date: Now.AddDays(-30)), FacetsOf(region: ["Ghana"]))
        .Add(new Article("c-fresh", "Cocoa", [Equal], Date: Now.AddDays(-1)), FacetsOf(region: ["Ivory Coast"]))
        .Add(new Article("d-undated", "Cocoa", [Equal]))
        .Add(new Article("classic", "Drought ruins the wheat harvest", [
            "The drought ruined the wheat harvest: after the drought, farmers said this wheat harvest was the worst harvest since the drought of 1934."],
            Date: Now.AddYears(-5)))
        .Add(new Article("brief", "Weather", [
            "Rain reached the plains on Tuesday after a dry spell, and forecasters said more storms were likely across the region " +
            "this week while farmers watched their fields and traders waited for the next report; no drought is expected before the harvest."],
            Date: Now.AddDays(-1)))
        .Add(new Article("ministers-old", "Council meeting", ["The ministers discussed the yen at length before the meeting moved on."], Date: Now.AddDays(-60)))
        .Add(new Article("ministers-new", "Council meeting", ["The ministers discussed the yen at length before the meeting moved on."], Date: Now.AddDays(-2)));

    private static RecencyDecay Decay(string halfLife) =>
        HalfLife.TryParse(halfLife, out var parsed) ? new RecencyDecay(parsed, Now) : throw new ArgumentException(halfLife);

    private SearchResult Search(SearchRequest request) => new ParagraphSearcher(index.Index).Search(request);

    private static IReadOnlyList<string> Ids(SearchResult result) => result.Hits.Select(h => h.ArticleId).ToList();

    [Fact]
    public void Without_recency_equal_matches_tie_in_article_id_order() =>
        Assert.Equal(["a-stale", "b-month", "c-fresh", "d-undated"], Ids(Search(new SearchRequest("cocoa"))));

    [Fact]
    public void With_recency_equal_matches_rank_newest_first_and_undated_last() =>
        Assert.Equal(["c-fresh", "b-month", "a-stale", "d-undated"], Ids(Search(new SearchRequest("cocoa", Recency: Decay("7d")))));

    [Fact]
    public void The_decay_applies_before_the_best_hits_are_chosen() =>
        Assert.Equal(["c-fresh"], Ids(Search(new SearchRequest("cocoa", PageSize: 1, Recency: Decay("7d")))));

    [Fact]
    public void A_much_better_old_match_still_beats_a_weak_fresh_one()
    {
        var relevance = Search(new SearchRequest("drought harvest")).Hits.ToDictionary(h => h.ArticleId, h => h.Score!.Value);
        Assert.True(relevance["classic"] > relevance["brief"] / RecencyDecay.Floor, $"classic {relevance["classic"]}, brief {relevance["brief"]}");

        Assert.Equal(["classic", "brief"], Ids(Search(new SearchRequest("drought harvest", Recency: Decay("7d")))));
    }

    [Fact]
    public void A_score_is_its_relevance_times_the_factor()
    {
        var relevance = Search(new SearchRequest("cocoa")).Hits.Single(h => h.ArticleId == "b-month").Score!.Value;
        var decay = Decay("30d");
        var decayed = Search(new SearchRequest("cocoa", Recency: decay)).Hits.Single(h => h.ArticleId == "b-month").Score!.Value;
        Assert.Equal(relevance * decay.Factor(Now.AddDays(-30).UtcTicks), decayed, 4);
    }

    [Fact]
    public void Explain_shows_the_factor_and_the_parts_of_the_relevance_it_multiplies()
    {
        var decay = Decay("30d");
        var hit = Search(new SearchRequest("cocoa", Explain: true, Recency: decay)).Hits.Single(h => h.ArticleId == "b-month");

        var explanation = hit.Explanation!;
        Assert.Equal(decay.Factor(Now.AddDays(-30).UtcTicks), explanation.RecencyFactor!.Value, 5);
        Assert.Equal(hit.Score!.Value, explanation.Score, 4);
        Assert.Equal(hit.Score!.Value, explanation.Parts.Sum(p => p.Score) * explanation.RecencyFactor!.Value, 3);
    }

    [Fact]
    public void Explain_shows_the_undated_factor_for_an_undated_article()
    {
        var hit = Search(new SearchRequest("cocoa", Explain: true, Recency: Decay("7d"))).Hits.Single(h => h.ArticleId == "d-undated");
        Assert.Equal(RecencyDecay.Undated, hit.Explanation!.RecencyFactor!.Value, 5);
    }

    [Fact]
    public void Without_recency_explain_shows_no_factor() =>
        Assert.All(Search(new SearchRequest("cocoa", Explain: true)).Hits, h => Assert.Null(h.Explanation!.RecencyFactor));

    [Fact]
    public void Totals_and_facet_counts_do_not_change()
    {
        var plain = Search(new SearchRequest("cocoa", Unit: ResultUnit.Article));
        var fresh = Search(new SearchRequest("cocoa", Unit: ResultUnit.Article, Recency: Decay("7d")));
        Assert.Equal((plain.Total, plain.TotalArticles), (fresh.Total, fresh.TotalArticles));
        Assert.Equal(plain.Facets.Region.Select(v => (v.Value, v.Count)), fresh.Facets.Region.Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public void One_hit_per_article_ranks_the_newest_equal_article_first() =>
        Assert.Equal("c-fresh", Ids(Search(new SearchRequest("cocoa", Unit: ResultUnit.Article, Recency: Decay("7d"))))[0]);

    [Fact]
    public void Date_order_ignores_recency()
    {
        var plain = Search(new SearchRequest("cocoa", Order: ResultOrder.Date));
        var fresh = Search(new SearchRequest("cocoa", Order: ResultOrder.Date, Recency: Decay("7d")));
        Assert.Equal(plain.Hits.Select(h => (h.Id, h.Score)), fresh.Hits.Select(h => (h.Id, h.Score)));
    }

    [Theory]
    [InlineData(ResultUnit.Paragraph)]
    [InlineData(ResultUnit.Article)]
    public void A_rescored_question_ranks_the_newer_of_equal_answers_first_with_a_score_its_explanation_gives(ResultUnit unit)
    {
        var hits = Search(new SearchRequest("what did the ministers say about the yen", Unit: unit, Explain: true, Recency: Decay("7d"))).Hits;

        Assert.Equal(["ministers-new", "ministers-old"], hits.Select(h => h.ArticleId).Where(id => id.StartsWith("ministers", StringComparison.Ordinal)));
        Assert.All(hits, h => Assert.Equal(h.Explanation!.Score, h.Score!.Value, 3));
    }

    public void Dispose() => index.Dispose();
}
