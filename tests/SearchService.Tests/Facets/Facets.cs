using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>The shipped reference data, loaded once for all facet tests (loading is the slow part, and it is immutable).</summary>
internal static class Facets
{
    private static readonly Lazy<NewsFacetExtractor> CachedExtractor = new(() => NewsFacetExtractor.Load());
    private static readonly Lazy<PhraseSet> CachedFunctionWords = new(() => WordList.LoadDefault(NewsFacetExtractor.FunctionWordsFileName));
    private static readonly Lazy<RegionExtractor> CachedRegions = new(() => new RegionExtractor(Extractor.Gazetteer, FunctionWords,
        RegionExtractor.LoadDatelineAbbreviations(Extractor.Gazetteer), WordList.LoadDefault(RegionExtractor.ModifierNounsFileName)));
    private static readonly Lazy<TopicClassifier> CachedTopics = new(() => new TopicClassifier(Extractor.Taxonomy));
    private static readonly Lazy<SpeakerExtractor> CachedSpeakers = new(() => new SpeakerExtractor(SpeakerLexicon.Load(FunctionWords), Regions));

    public static NewsFacetExtractor Extractor => CachedExtractor.Value;
    public static RegionGazetteer Gazetteer => Extractor.Gazetteer;
    public static PhraseSet FunctionWords => CachedFunctionWords.Value;
    public static RegionExtractor Regions => CachedRegions.Value;
    public static TopicClassifier Topics => CachedTopics.Value;
    public static SpeakerExtractor Speakers => CachedSpeakers.Value;
}
