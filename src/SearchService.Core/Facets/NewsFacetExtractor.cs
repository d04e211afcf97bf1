using SearchService.Core.Corpus;

namespace SearchService.Core.Facets;

/// <summary>
/// Region, topic and speaker facets for news articles, from the reference data in <c>Data/</c>: the region gazetteer
/// (<see cref="RegionGazetteer"/>), a topic taxonomy (<see cref="TopicTaxonomy"/>) and the speaker lexicon.
/// Immutable after <see cref="Load"/>; safe for concurrent <see cref="Extract"/> calls.
/// </summary>
public sealed class NewsFacetExtractor : IFacetExtractor
{
    public const string FunctionWordsFileName = "function-words.txt";

    private readonly RegionExtractor _regions;
    private readonly TopicClassifier _topics;
    private readonly SpeakerExtractor _speakers;

    private NewsFacetExtractor(RegionExtractor regions, TopicClassifier topics, SpeakerExtractor speakers)
    {
        _regions = regions;
        _topics = topics;
        _speakers = speakers;
    }

    /// <summary>The place hierarchy behind the region facet, e.g. for expanding region=Asia to its countries.</summary>
    public RegionGazetteer Gazetteer => _regions.Gazetteer;

    public TopicTaxonomy Taxonomy => _topics.Taxonomy;

    /// <summary>Loads the shipped reference data and a topic taxonomy (null: the default <c>Data/topics.default.json</c>).</summary>
    /// <exception cref="FileNotFoundException">A data file or the taxonomy does not exist.</exception>
    /// <exception cref="InvalidDataException">A data file or the taxonomy is malformed; the message names the file.</exception>
    public static NewsFacetExtractor Load(string? taxonomyPath = null)
    {
        var functionWords = WordList.LoadDefault(FunctionWordsFileName);
        var gazetteer = RegionGazetteer.Load();
        var regions = new RegionExtractor(gazetteer, functionWords, RegionExtractor.LoadDatelineAbbreviations(gazetteer));
        var topics = new TopicClassifier(TopicTaxonomy.Load(taxonomyPath));
        var speakers = new SpeakerExtractor(SpeakerLexicon.Load(functionWords), regions);
        return new NewsFacetExtractor(regions, topics, speakers);
    }

    public ArticleFacets Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var paragraphs = article.Paragraphs;
        var regions = paragraphs.Select(_regions.Extract).ToList();
        var topicScores = paragraphs.Select(_topics.Score).ToList();
        var speakers = _speakers.Extract(paragraphs);

        var perParagraph = paragraphs.Select((_, i) => new ParagraphFacets(
            regions[i],
            _topics.Select(topicScores[i]),
            speakers[i])).ToList();

        var articleFacets = new ParagraphFacets(
            ArticleRegions(article, regions),
            _topics.ClassifyArticle(article.Title, topicScores),
            speakers.SelectMany(s => s).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        return new ArticleFacets(articleFacets, perParagraph);
    }

    // What the article is about, not every place it mentions: the dateline, the headline, the lead paragraph,
    // and places that come up in more than one paragraph.
    private IReadOnlyList<string> ArticleRegions(Article article, IReadOnlyList<IReadOnlyList<string>> paragraphRegions)
    {
        var recurring = paragraphRegions.SelectMany(r => r).GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key);
        var fromDateline = _regions.FromDateline(article.Dateline);
        return (fromDateline is null ? [] : new[] { fromDateline })
            .Concat(_regions.Extract(article.Title))
            .Concat(paragraphRegions.FirstOrDefault() ?? [])
            .Concat(recurring)
            .Distinct()
            .ToList();
    }
}
