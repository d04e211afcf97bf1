using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>The seed article's expected facets (Business Recorder, 23 Nov 2021).</summary>
public class SeedArticleFacetsTests
{
    private static readonly Lazy<ArticleFacets> Facets_ = new(() => Facets.Extractor.Extract(SeedArticle.Article));

    private static ArticleFacets Result => Facets_.Value;

    private static ParagraphFacets Paragraph(int number) => Result.Paragraphs[number - 1];

    [Fact]
    public void HelperBuildsTheArticleAsTheReaderWill()
    {
        Assert.Equal(10, SeedArticle.Article.Paragraphs.Count);
        Assert.StartsWith("Pakistan and Russia on Monday", SeedArticle.Paragraph(1));
        Assert.StartsWith("The next meeting", SeedArticle.Paragraph(10));
    }

    [Fact]
    public void OneFacetEntryPerParagraph() => Assert.Equal(10, Result.Paragraphs.Count);

    [Fact]
    public void RegionsOverAllParagraphs()
    {
        var all = Result.Paragraphs.SelectMany(p => p.Region).ToHashSet();
        Assert.Superset(new HashSet<string> { "Pakistan", "Russia", "Afghanistan", "Middle East", "North Africa", "Central Asia", "South Asia" }, all);
    }

    [Fact]
    public void OnlyTheEighthParagraphMentionsAfghanistan() =>
        Assert.Equal([8], Result.Paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Region.Contains("Afghanistan")).Select(x => x.i + 1));

    [Fact]
    public void ArticleRegionsComeFromDatelineAndLead() =>
        Assert.Equal(["Pakistan", "Russia"], Result.Article.Region);

    [Fact]
    public void SpeakersOverAllParagraphs() =>
        Assert.Superset(new HashSet<string> { "Foreign Office", "Oleg V Syromolotov", "Nabeel Munir" }, Result.Paragraphs.SelectMany(p => p.Speaker).ToHashSet());

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    public void QuotedParagraphsAreTheForeignOffice(int number) =>
        Assert.Equal(["Foreign Office"], Paragraph(number).Speaker);

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(9)]
    public void ItAddedParagraphsAreTheForeignOffice(int number) =>
        Assert.Equal(["Foreign Office"], Paragraph(number).Speaker);

    [Fact]
    public void CoChairsAreTheThirdParagraphsSpeakers() =>
        Assert.Equal(["Oleg V Syromolotov", "Nabeel Munir"], Paragraph(3).Speaker);

    [Fact]
    public void ClosingParagraphHasNoSpeaker() => Assert.Empty(Paragraph(10).Speaker);

    [Fact]
    public void PropagandaAndFightersParagraphTopics()
    {
        Assert.Contains("Extremist propaganda", Paragraph(5).Topic);
        Assert.Contains("Foreign terrorist fighters", Paragraph(5).Topic);
        Assert.Contains("Counter-terrorism", Paragraph(5).Topic);
    }

    [Fact]
    public void FinancingParagraphIsTerroristFinancing() =>
        Assert.Equal(["Terrorist financing"], Paragraph(7).Topic);

    [Fact]
    public void PlatformsParagraphIsInternationalCooperation() =>
        Assert.Equal("International cooperation", Paragraph(9).Topic[0]);

    [Fact]
    public void SpecificTopicsStayInTheirParagraphs()
    {
        Assert.Equal([7], ParagraphsWith("Terrorist financing"));
        Assert.Equal([5], ParagraphsWith("Foreign terrorist fighters"));
        Assert.Equal([5], ParagraphsWith("Extremist propaganda"));
    }

    [Fact]
    public void ArticleIsAboutCounterTerrorismAndCooperation() =>
        Assert.Superset(new HashSet<string> { "Counter-terrorism", "International cooperation" }, Result.Article.Topic.ToHashSet());

    [Fact]
    public void ArticleSpeakersAreDistinct() =>
        Assert.Equal(["Foreign Office", "Oleg V Syromolotov", "Nabeel Munir"], Result.Article.Speaker);

    [Fact]
    public void ConcurrentExtractionGivesTheSameResult()
    {
        var expected = Flatten(Result);
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = Flatten(Facets.Extractor.Extract(SeedArticle.Article)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static IEnumerable<int> ParagraphsWith(string topic) =>
        Result.Paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Topic.Contains(topic)).Select(x => x.i + 1);

    private static string Flatten(ArticleFacets f) =>
        string.Join("\n", f.Paragraphs.Prepend(f.Article).Select(p =>
            $"{string.Join(",", p.Region)}|{string.Join(",", p.Topic)}|{string.Join(",", p.Speaker)}"));
}
