using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

public class TopicTaxonomyTests
{
    [Fact]
    public void Default_taxonomy_loads_with_30_to_50_topics()
    {
        var taxonomy = TopicTaxonomy.Load();
        Assert.InRange(taxonomy.Topics.Count, 30, 50);
        Assert.Contains(taxonomy.Topics, t => t.Name == "Counter-terrorism");
    }

    [Fact]
    public void Default_taxonomy_names_its_source() =>
        Assert.False(string.IsNullOrWhiteSpace(TopicTaxonomy.Load().Source));

    [Fact]
    public void Good_file_loads_topics_triggers_and_cues()
    {
        using var file = TempFile.WithText("""
            {"source": "test", "threshold": 3,
             "topics": [{"name": "Shipping", "triggers": ["tanker", "freight rates"], "cues": ["port"]}]}
            """, "topics");
        var taxonomy = TopicTaxonomy.Load(file.Path);
        var topic = Assert.Single(taxonomy.Topics);
        Assert.Equal(("Shipping", 3.0), (topic.Name, taxonomy.Threshold));
        Assert.Equal(["tanker", "freight rates"], topic.Triggers);
        Assert.Equal(["port"], topic.Cues);
    }

    [Fact]
    public void Missing_taxonomy_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-taxonomy.json");
        var e = Assert.Throws<FileNotFoundException>(() => TopicTaxonomy.Load(path));
        Assert.Contains("no-such-taxonomy.json", e.Message);
    }

    [Fact]
    public void Invalid_JSON_names_the_file()
    {
        using var file = TempFile.WithText("{\"topics\": [{\"name\": \"Oil\", ", "topics");
        var e = Assert.Throws<InvalidDataException>(() => TopicTaxonomy.Load(file.Path));
        Assert.Contains(file.Path, e.Message);
    }

    [Fact]
    public void Topic_without_triggers_is_rejected()
    {
        using var file = TempFile.WithText("""{"topics": [{"name": "Oil", "cues": ["oil"]}]}""", "topics");
        var e = Assert.Throws<InvalidDataException>(() => TopicTaxonomy.Load(file.Path));
        Assert.Contains("Oil", e.Message);
    }

    [Fact]
    public void Duplicate_topic_is_rejected_ignoring_case()
    {
        using var file = TempFile.WithText("""{"topics": [{"name": "Oil", "triggers": ["oil"]}, {"name": "oil", "triggers": ["crude"]}]}""", "topics");
        Assert.Throws<InvalidDataException>(() => TopicTaxonomy.Load(file.Path));
    }

    [Fact]
    public void Empty_topic_list_is_rejected()
    {
        using var file = TempFile.WithText("""{"source": "x", "topics": []}""", "topics");
        Assert.Throws<InvalidDataException>(() => TopicTaxonomy.Load(file.Path));
    }

    [Fact]
    public void Trigger_of_only_stop_words_is_rejected_by_the_classifier()
    {
        using var file = TempFile.WithText("""{"topics": [{"name": "Nothing", "triggers": ["the and of"]}]}""", "topics");
        var e = Assert.Throws<InvalidDataException>(() => new TopicClassifier(TopicTaxonomy.Load(file.Path)));
        Assert.Contains("the and of", e.Message);
    }

    [Fact]
    public void Extractor_loads_a_custom_taxonomy()
    {
        using var file = TempFile.WithText("""{"topics": [{"name": "Shipping", "triggers": ["tanker"]}]}""", "topics");
        var extractor = NewsFacetExtractor.Load(file.Path);
        var facets = extractor.Extract(new SearchService.Core.Corpus.Article("t", "Tanker hit", ["A tanker was hit in the Gulf."]));
        Assert.Equal(["Shipping"], facets.Paragraphs[0].Topic);
    }

    [Fact]
    public void Extractor_with_a_missing_taxonomy_names_the_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => NewsFacetExtractor.Load("/nonexistent/topics.json"));
        Assert.Contains("topics.json", e.Message);
    }
}
