using SearchService.Core.Corpus;
using SearchService.Core.Quotes;

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
    private readonly StatementExtractor? statementExtractor;
    private readonly SpeakerIdentities? speakerIdentities;

    private NewsFacetExtractor(RegionExtractor regions, TopicClassifier topics, SpeakerExtractor speakers, SpeakerLexicon lexicon,
        StatementExtractor? statements, SpeakerIdentities? identities = null)
    {
        regionExtractor = regions;
        topicClassifier = topics;
        speakerExtractor = speakers;
        SpeakerLexicon = lexicon;
        statementExtractor = statements;
        speakerIdentities = identities;
    }

    /// <summary>The word lists speakers are read with, which a <see cref="SpeakerIdentities"/> table needs too.</summary>
    public SpeakerLexicon SpeakerLexicon { get; }

    /// <summary>
    /// The same extractor giving each speaker its corpus-wide identity from <paramref name="identities"/>, which learns
    /// from every article extracted. Without one, speakers are resolved within each article only.
    /// </summary>
    public NewsFacetExtractor WithSpeakerIdentities(SpeakerIdentities identities) =>
        new(regionExtractor, topicClassifier, speakerExtractor, SpeakerLexicon, statementExtractor, identities);

    /// <summary>
    /// The same extractor without statements (<see cref="ArticleFacets.Statements"/> null), for measuring what they cost
    /// the corpus pass (the benchmark's <c>--statements false</c>, docs/benchmarks.md).
    /// </summary>
    public NewsFacetExtractor WithoutStatements() =>
        new(regionExtractor, topicClassifier, speakerExtractor, SpeakerLexicon, null, speakerIdentities);

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
        return new NewsFacetExtractor(regions, topics, new SpeakerExtractor(lexicon, regions), lexicon,
            new StatementExtractor(ReportingVerbs.Load(), lexicon));
    }

    /// <summary>
    /// Teaches the speaker identity table one article's speakers without resolving them or extracting anything else:
    /// a corpus learnt whole this way first is extracted with the same speaker values in any order (<see cref="SpeakerIdentities.Learn"/>).
    /// </summary>
    public void LearnSpeakers(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        speakerIdentities?.Learn(article.Id, speakerExtractor.Read(article.Paragraphs.Select(TextTokens.Tokenize).ToList()).Mentions);
    }

    public ArticleFacets Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var paragraphs = article.Paragraphs;
        // Tokenised once for all three facets: tokenising was the largest single cost of extraction.
        var tokens = paragraphs.Select(TextTokens.Tokenize).ToList();
        // Each paragraph's places, found once for both the region and the speaker facets; a paragraph in capitals is
        // read case-blind for its regions.
        var places = tokens.Select(t => regionExtractor.Mentions(t)).ToList();
        var named = paragraphs.Select((p, i) => regionExtractor.Named(tokens[i],
            TextTokens.IsShouting(p) ? regionExtractor.Mentions(tokens[i], shouting: true) : places[i])).ToList();
        var articleRegions = ArticleRegions(article, named);
        var regions = named.Select(n => ParagraphRegions(n, articleRegions)).ToList();
        var topicScores = topicClassifier.ScoreEach(tokens);
        var reading = speakerExtractor.Read(tokens, places);
        var mentions = reading.Mentions;
        var identities = Identities(article.Id, mentions);
        var speakers = identities is null
            ? mentions.Select(p => (IReadOnlyList<string>)p.Select(m => m.Name).ToList()).ToList()
            : identities.Select(p => (IReadOnlyList<string>)p.Select(i => i.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList()).ToList();

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
        var statements = statementExtractor is null
            ? null
            : paragraphs.SelectMany((text, i) =>
            {
                var found = statementExtractor.Extract(i + 1, text, tokens[i], reading.Attributions[i]);
                var canonical = found.Count == 0 ? null : Canonical(mentions[i], identities?[i]);
                return found.Select(s => s with
                {
                    Speaker = canonical!.GetValueOrDefault(s.Speaker, s.Speaker),
                    Regions = perParagraph[i].Region,
                    Topics = perParagraph[i].Topic,
                });
            }).ToList();
        return new ArticleFacets(articleFacets, perParagraph, ancestors, speakerDetails, statements);
    }

    // Each mention's identity, in the mentions' order (one per mention, where the facet keeps each value once a
    // paragraph), so that a statement's speaker is found by its mention.
    private IReadOnlyList<IReadOnlyList<SpeakerIdentity>>? Identities(string articleId, IReadOnlyList<IReadOnlyList<SpeakerMention>> mentions)
    {
        if (speakerIdentities is null)
            return null;
        var each = speakerIdentities.ResolveEach(articleId, mentions.SelectMany(p => p).ToList());
        var next = 0;
        return mentions.Select(p => (IReadOnlyList<SpeakerIdentity>)p.Select(_ => each[next++]).ToList()).ToList();
    }

    // Each mention's name to its identity's, the first mention of a name standing for it.
    private static Dictionary<string, string> Canonical(IReadOnlyList<SpeakerMention> mentions, IReadOnlyList<SpeakerIdentity>? identities)
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        if (identities is null)
            return canonical;
        for (var at = 0; at < mentions.Count; at++)
            canonical.TryAdd(mentions[at].Name, identities[at].Name);
        return canonical;
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
            .Concat(regionExtractor.Named(article.Title).Select(n => n.Region.Name))
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
