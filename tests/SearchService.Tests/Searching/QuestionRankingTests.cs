using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>How the words of a search combine into a score: across headline and paragraph, and in pairs and windows within questions.</summary>
public sealed class QuestionRankingTests : IDisposable
{
    private readonly TestIndex index = new TestIndex()
        .Add(new Article("apart", "Wing trials", ["At this angle the wing lost lift, and a sudden attack of heavy buffeting followed."]))
        .Add(new Article("together", "Tunnel report", ["Wind tunnel tests measured lift at a high angle of attack on the model."]))
        .Add(new Article("drought", "Drought in Kansas", ["Drought cut the wheat harvest by a third this year."]))
        .Add(new Article("prices", "Grain markets", ["Wheat prices rose for the third week in Chicago."]))
        .Add(new Article("yen-close", "Council meeting", ["The ministers discussed the yen at length before the meeting moved on to trade, farm subsidies and shipping rules for the coming year."]))
        .Add(new Article("yen-far", "Council meeting", ["The ministers discussed trade at length before the meeting moved on to farm subsidies, shipping rules and the yen for the coming year."]));

    private SearchResult Search(string q, QuerySyntax syntax = QuerySyntax.Simple) =>
        new ParagraphSearcher(index.Index).Search(new SearchRequest(q, syntax, Explain: true));

    [Fact]
    public void Question_words_split_by_a_stop_word_still_count_as_a_pair()
    {
        var hits = Search("how does lift change with the angle of attack").Hits;

        var adjacentPair = $"angl attack\"~{FreeTextQuery.ProximitySlop}";
        Assert.Contains(hits.Single(h => h.ArticleId == "together").Explanation!.Parts, p => p.Field == "text" && p.Match.StartsWith(adjacentPair, StringComparison.Ordinal));
        Assert.DoesNotContain(hits.Single(h => h.ArticleId == "apart").Explanation!.Parts, p => p.Match.StartsWith(adjacentPair, StringComparison.Ordinal));
    }

    [Fact]
    public void Question_words_apart_in_the_question_rank_higher_where_they_stand_close_together()
    {
        // Same words, same length; only where "yen" stands differs. "ministers" and "yen" are not neighbours in the question.
        var hits = Search("what did the ministers say about the yen").Hits;

        var close = hits.Single(h => h.ArticleId == "yen-close").Score!.Value;
        var far = hits.Single(h => h.ArticleId == "yen-far").Score!.Value;
        Assert.True(close > far, $"close {close}, far {far}");
    }

    [Fact]
    public void A_word_in_headline_and_paragraph_adds_the_better_field_and_half_the_other()
    {
        float ScoreOf(string q, QuerySyntax syntax) => Search(q, syntax).Hits.Single(h => h.ArticleId == "drought").Score!.Value;
        var inTitle = ScoreOf("title:drought", QuerySyntax.Lucene);
        var inText = ScoreOf("text:drought", QuerySyntax.Lucene);

        var both = ScoreOf("drought", QuerySyntax.Simple);

        Assert.Equal(Math.Max(inTitle, inText) + SearchFields.OtherFieldShare * Math.Min(inTitle, inText), both, 4);
    }

    [Fact]
    public void Explanation_parts_add_up_to_the_score_when_a_word_matches_both_fields()
    {
        var hit = Search("drought").Hits.Single();

        Assert.Equal(["text", "title"], hit.Explanation!.Parts.Select(p => p.Field).Order());
        Assert.Equal(hit.Score!.Value, hit.Explanation.Parts.Sum(p => p.Score), 4);
    }

    public void Dispose() => index.Dispose();
}
