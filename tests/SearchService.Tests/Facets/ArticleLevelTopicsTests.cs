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
    public void NarrowerTopicBesideItsParentNeedsOnlyTheThreshold() =>
        Assert.Equal(["grain", "wheat"], ArticleTopics("Soviet Union buys U.S. grain",
            "The Soviet Union bought 1.5 mln tonnes of wheat and corn, grain traders said.",
            "Exporters expect more grain purchases after the harvest, with 20 mln bushels of corn still unsold."));

    [Fact]
    public void MinorTopicBelowTheShareOfTheBestIsDropped() =>
        Assert.DoesNotContain("ship", ArticleTopics("Grain exports rise",
            "Grain exports rose as wheat and corn sales grew, with 20 mln bushels shipped before the harvest.",
            "The grain was loaded on a vessel in New Orleans."));

    [Fact]
    public void ParagraphGetsOnlyTopicsOfItsArticle()
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
    public void ParentThatIsNoTopicIsRefused()
    {
        using var file = TempFile.WithText("""{"topics": [{"name": "wheat", "parent": "cereals", "triggers": ["wheat"]}]}""", "taxonomy");
        var e = Assert.Throws<InvalidDataException>(() => TopicTaxonomy.Load(file.Path));
        Assert.Contains("cereals", e.Message);
    }
}
