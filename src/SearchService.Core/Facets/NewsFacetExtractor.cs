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

    private readonly RegionExtractor regionExtractor;
    private readonly TopicClassifier topicClassifier;
    private readonly SpeakerExtractor speakerExtractor;
    private readonly SpeakerIdentities? speakerIdentities;

    private NewsFacetExtractor(RegionExtractor regions, TopicClassifier topics, SpeakerExtractor speakers, SpeakerLexicon lexicon,
        SpeakerIdentities? identities = null)
    {
        regionExtractor = regions;
        topicClassifier = topics;
        speakerExtractor = speakers;
        SpeakerLexicon = lexicon;
        speakerIdentities = identities;
    }

    /// <summary>The word lists speakers are read with, which a <see cref="SpeakerIdentities"/> table needs too.</summary>
    public SpeakerLexicon SpeakerLexicon { get; }

    /// <summary>
    /// The same extractor giving each speaker its corpus-wide identity from <paramref name="identities"/>, which learns
    /// from every article extracted. Without one, speakers are resolved within each article only.
    /// </summary>
    public NewsFacetExtractor WithSpeakerIdentities(SpeakerIdentities identities) =>
        new(regionExtractor, topicClassifier, speakerExtractor, SpeakerLexicon, identities);

    /// <summary>The place hierarchy behind the region facet, e.g. for expanding region=Asia to its countries.</summary>
    public RegionGazetteer Gazetteer => regionExtractor.Gazetteer;

    public TopicTaxonomy Taxonomy => topicClassifier.Taxonomy;

    /// <summary>Loads the shipped reference data and a topic taxonomy (null: the default <c>Data/topics.default.json</c>).</summary>
    /// <exception cref="FileNotFoundException">A data file or the taxonomy does not exist.</exception>
    /// <exception cref="InvalidDataException">A data file or the taxonomy is malformed; the message names the file.</exception>
    public static NewsFacetExtractor Load(string? taxonomyPath = null)
    {
        var functionWords = WordList.LoadDefault(FunctionWordsFileName);
        var gazetteer = RegionGazetteer.Load();
        var regions = new RegionExtractor(gazetteer, functionWords, RegionExtractor.LoadDatelineAbbreviations(gazetteer),
            WordList.LoadDefault(RegionExtractor.ModifierNounsFileName));
        var topics = new TopicClassifier(TopicTaxonomy.Load(taxonomyPath));
        var lexicon = SpeakerLexicon.Load(functionWords);
        return new NewsFacetExtractor(regions, topics, new SpeakerExtractor(lexicon, regions), lexicon);
    }

    public ArticleFacets Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var paragraphs = article.Paragraphs;
        // Tokenised once for all three facets: tokenising was the largest single cost of extraction.
        var tokens = paragraphs.Select(TextTokens.Tokenize).ToList();
        var named = paragraphs.Select((p, i) => regionExtractor.Named(p, tokens[i])).ToList();
        var articleRegions = ArticleRegions(article, named);
        var regions = named.Select(n => ParagraphRegions(n, articleRegions)).ToList();
        var topicScores = tokens.Select(topicClassifier.Score).ToList();
        var mentions = speakerExtractor.Mentions(tokens);
        var identities = speakerIdentities?.Resolve(article.Id, mentions);
        var speakers = identities is null
            ? mentions.Select(p => (IReadOnlyList<string>)p.Select(m => m.Name).ToList()).ToList()
            : identities.Select(p => (IReadOnlyList<string>)p.Select(i => i.Name).ToList()).ToList();

        var articleTopics = topicClassifier.ClassifyArticle(article.Title, topicScores);
        var perParagraph = paragraphs.Select((_, i) => new ParagraphFacets(
            regions[i],
            ParagraphTopics(topicScores[i], articleTopics),
            speakers[i])).ToList();

        var articleFacets = new ParagraphFacets(
            articleRegions,
            articleTopics,
            speakers.SelectMany(s => s).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        var ancestors = perParagraph.SelectMany(p => p.Region).Concat(articleRegions).Distinct()
            .ToDictionary(r => r, regionExtractor.Gazetteer.Ancestors);
        var speakerDetails = identities?.SelectMany(p => p).DistinctBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);
        return new ArticleFacets(articleFacets, perParagraph, ancestors, speakerDetails);
    }

    private IReadOnlyList<string> ParagraphTopics(TopicEvidence evidence, IReadOnlyList<string> articleTopics)
    {
        var own = topicClassifier.Select(evidence);
        return topicClassifier.Taxonomy.ArticleLevelTopics ? own.Where(articleTopics.Contains).ToList() : own;
    }

    // What the article is about, not every place it mentions: the dateline, the headline, and places that come up
    // in more than one paragraph. Measured on Reuters-21578 (docs/facets.md), a country named in one paragraph
    // only is a passing mention four times out of five, wherever it stands, the lead included.
    private IReadOnlyList<string> ArticleRegions(Article article, IReadOnlyList<IReadOnlyList<NamedRegion>> named)
    {
        var recurring = named.SelectMany(n => n).GroupBy(n => n.Region.Name).Where(g => g.Count() > 1).Select(g => g.Key);
        var fromDateline = regionExtractor.FromDateline(article.Dateline);
        return (fromDateline is null ? [] : new[] { fromDateline })
            .Concat(regionExtractor.Extract(article.Title))
            .Concat(recurring)
            .Distinct()
            .ToList();
    }

    // A paragraph's regions: those it names that the article is about, named regions (Middle East, Central Asia),
    // and countries it names as the place where something happens ("in Afghanistan"); not passing mentions of
    // other countries ("the New York price", "Britain, France and Japan agreed").
    private static IReadOnlyList<string> ParagraphRegions(IReadOnlyList<NamedRegion> named, IReadOnlyList<string> articleRegions) =>
        named.Where(n => n.AsLocation || n.Region.Kind == RegionEntry.Region || articleRegions.Contains(n.Region.Name))
            .Select(n => n.Region.Name)
            .ToList();
}
