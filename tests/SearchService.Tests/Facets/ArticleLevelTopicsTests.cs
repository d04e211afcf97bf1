using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>Taxonomy options for topics that label whole articles: parents, the share of the best, paragraph topics.</summary>
public class ArticleLevelTopicsTests
{
    private const string Taxonomy = """
        {"source": "test", "threshold": 2, "articleShareOfBest": 0.8, "articleLevelTopics": true, "topics": [
          {"name": "grain", "triggers": ["grain", "wheat", "corn", "bushels"], "cues": ["harvest"]},
          {"name": "wheat", "parent": "grain", "triggers": ["wheat"], "cues": []},
          {"name": "ship", "triggers": ["freight", "vessel"], "cues": []}
        ]}
        """;

    private static IReadOnlyList<string> ArticleTopics(string title, params string[] paragraphs)
    {
        using var file = TempFile.WithText(Taxonomy, "taxonomy");
        var classifier = new TopicClassifier(TopicTaxonomy.Load(file.Path));
        return classifier.ClassifyArticle(title, paragraphs.Select(classifier.Score));
    }

    [Fact]
    public void Narrower_topic_beside_its_parent_needs_only_the_threshold() =>
        Assert.Equal(["grain", "wheat"], ArticleTopics("Soviet Union buys U.S. grain",
            "The Soviet Union bought 1.5 mln tonnes of wheat and corn, grain traders said.",
            "Exporters expect more grain purchases after the harvest, with 20 mln bushels of corn still unsold."));

    [Fact]
    public void Minor_topic_below_the_share_of_the_best_is_dropped() =>
        Assert.DoesNotContain("ship", ArticleTopics("Grain exports rise",
            "Grain exports rose as wheat and corn sales grew, with 20 mln bushels shipped before the harvest.",
            "The grain was loaded on a vessel in New Orleans."));

    [Fact]
    public void A_word_repeated_in_every_paragraph_counts_at_most_twice() =>
        Assert.Equal(["grain", "wheat"], ArticleTopics("Egypt buys U.S. wheat",
            "Egypt bought 200,000 tonnes of U.S. wheat for delivery in May, the Agriculture Department said.",
            "The first vessel is due to load at a Gulf port next week.",
            "A second vessel will follow before the end of the month.",
            "Shippers said the vessel chartered for the third cargo was still being repaired.",
            "Port officials expect a fourth vessel in early June."));

    [Fact]
    public void Phrases_of_the_lead_paragraph_count_twice() =>
        Assert.Equal(["ship"], ArticleTopics("Busy week at Gulf ports",
            "Freight rates rose as more vessels were booked at Gulf ports.",
            "Grain and corn made up most of the cargoes."));

    [Fact]
    public void Paragraph_gets_only_topics_of_its_article()
    {
        using var file = TempFile.WithText(Taxonomy, "taxonomy");
        var article = new SearchService.Core.Corpus.Article("a", "Grain exports rise", [
            "Grain exports rose as wheat and corn sales grew, with 20 mln bushels shipped before the harvest.",
            "The grain was loaded on a vessel for freight to Rotterdam."]);

        var facets = NewsFacetExtractor.Load(file.Path).Extract(article);

        Assert.DoesNotContain("ship", facets.Article.Topic);
        Assert.Equal(["grain"], facets.Paragraphs[1].Topic);
    }

    [Fact]
    public void Parent_that_is_no_topic_is_refused()
    {
        using var file = TempFile.WithText("""{"topics": [{"name": "wheat", "parent": "cereals", "triggers": ["wheat"]}]}""", "taxonomy");
        var e = Assert.Throws<InvalidDataException>(() => TopicTaxonomy.Load(file.Path));
        Assert.Contains("cereals", e.Message);
    }
}
