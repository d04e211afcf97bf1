using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>Which ranking steps a search takes, decided once from its request and parsed query.</summary>
public sealed class RankingPlanTests
{
    private static readonly ParsedQuery Words = new(new TermQuery(new Term("text", "cocoa")), []);
    private static readonly ParsedQuery Question = Words with { IsQuestion = true };

    [Fact]
    public void A_question_is_rescored_only_when_its_hits_are_in_order_of_relevance()
    {
        Assert.True(RankingPlan.For(new SearchRequest("q"), Question, semanticDepth: 0).RescoresQuestion);
        Assert.False(RankingPlan.For(new SearchRequest("q", Order: ResultOrder.Date), Question, semanticDepth: 0).RescoresQuestion);
        Assert.False(RankingPlan.For(new SearchRequest("q"), Words, semanticDepth: 0).RescoresQuestion);
    }

    [Fact]
    public void Hits_are_re_ranked_by_meaning_only_when_asked_and_in_order_of_relevance()
    {
        Assert.Equal(20, RankingPlan.For(new SearchRequest("q", SemanticRerank: true), Words, semanticDepth: 20).SemanticDepth);
        Assert.Equal(0, RankingPlan.For(new SearchRequest("q"), Words, semanticDepth: 20).SemanticDepth);
        Assert.Equal(0, RankingPlan.For(new SearchRequest("q", Order: ResultOrder.Date, SemanticRerank: true), Words, semanticDepth: 20).SemanticDepth);
        Assert.Equal(0, RankingPlan.For(new SearchRequest(null, SemanticRerank: true), parsed: null, semanticDepth: 20).SemanticDepth);
    }

    [Fact]
    public void As_many_hits_are_put_in_order_as_the_pages_up_to_the_one_asked_for_or_the_semantic_depth()
    {
        Assert.Equal(30, RankingPlan.For(new SearchRequest("q", Page: 3, PageSize: 10), Words, semanticDepth: 20).Wanted);
        Assert.Equal(20, RankingPlan.For(new SearchRequest("q", PageSize: 10, SemanticRerank: true), Words, semanticDepth: 20).Wanted);
    }

    [Fact]
    public void Without_a_query_hits_are_not_ranked_and_come_newest_first()
    {
        var plan = RankingPlan.For(new SearchRequest(null), parsed: null, semanticDepth: 20);

        Assert.Equal((false, false), (plan.Ranked, plan.ByScore));
    }
}
