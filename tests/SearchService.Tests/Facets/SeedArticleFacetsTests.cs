using SearchService.Core.Facets;

namespace SearchService.Tests.Facets;

/// <summary>The seed article's expected facets (Business Recorder, 23 Nov 2021).</summary>
public class SeedArticleFacetsTests
{
    private static readonly Lazy<ArticleFacets> CachedFacets = new(() => Facets.Extractor.Extract(SeedArticle.Article));

    private static ArticleFacets Result => CachedFacets.Value;

    private static ParagraphFacets Paragraph(int number) => Result.Paragraphs[number - 1];

    [Fact]
    public void Seed_article_splits_into_ten_paragraphs_as_the_reader_will()
    {
        Assert.Equal(10, SeedArticle.Article.Paragraphs.Count);
        Assert.StartsWith("Pakistan and Russia on Monday", SeedArticle.Paragraph(1));
        Assert.StartsWith("The next meeting", SeedArticle.Paragraph(10));
    }

    [Fact]
    public void One_facet_entry_per_paragraph() => Assert.Equal(10, Result.Paragraphs.Count);

    [Fact]
    public void Paragraph_regions_include_all_seven_places_of_the_article()
    {
        var all = Result.Paragraphs.SelectMany(p => p.Region).ToHashSet();
        Assert.Superset(new HashSet<string> { "Pakistan", "Russia", "Afghanistan", "Middle East", "North Africa", "Central Asia", "South Asia" }, all);
    }

    [Fact]
    public void Only_the_eighth_paragraph_has_Afghanistan() =>
        Assert.Equal([8], Result.Paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Region.Contains("Afghanistan")).Select(x => x.i + 1));

    [Fact]
    public void Article_regions_come_from_dateline_and_lead() =>
        Assert.Equal(["Pakistan", "Russia"], Result.Article.Region);

    [Fact]
    public void Paragraph_speakers_include_the_Foreign_Office_and_both_co_chairs() =>
        Assert.Superset(new HashSet<string> { "Foreign Office", "Oleg V Syromolotov", "Nabeel Munir" }, Result.Paragraphs.SelectMany(p => p.Speaker).ToHashSet());

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    public void Quoted_paragraphs_are_the_Foreign_Offices(int number) =>
        Assert.Equal(["Foreign Office"], Paragraph(number).Speaker);

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(9)]
    public void It_added_paragraphs_are_the_Foreign_Offices(int number) =>
        Assert.Equal(["Foreign Office"], Paragraph(number).Speaker);

    [Fact]
    public void Co_chairs_are_the_third_paragraphs_speakers() =>
        Assert.Equal(["Oleg V Syromolotov", "Nabeel Munir"], Paragraph(3).Speaker);

    [Fact]
    public void Closing_paragraph_has_no_speaker() => Assert.Empty(Paragraph(10).Speaker);

    [Fact]
    public void Fifth_paragraph_is_about_propaganda_fighters_and_counter_terrorism()
    {
        Assert.Contains("Extremist propaganda", Paragraph(5).Topic);
        Assert.Contains("Foreign terrorist fighters", Paragraph(5).Topic);
        Assert.Contains("Counter-terrorism", Paragraph(5).Topic);
    }

    [Fact]
    public void Financing_paragraph_is_terrorist_financing_only() =>
        Assert.Equal(["Terrorist financing"], Paragraph(7).Topic);

    [Fact]
    public void Platforms_paragraph_is_first_of_all_international_cooperation() =>
        Assert.Equal("International cooperation", Paragraph(9).Topic[0]);

    [Fact]
    public void Specific_topics_stay_in_their_paragraphs()
    {
        Assert.Equal([7], ParagraphsWith("Terrorist financing"));
        Assert.Equal([5], ParagraphsWith("Foreign terrorist fighters"));
        Assert.Equal([5], ParagraphsWith("Extremist propaganda"));
    }

    [Fact]
    public void Article_is_about_counter_terrorism_and_cooperation() =>
        Assert.Superset(new HashSet<string> { "Counter-terrorism", "International cooperation" }, Result.Article.Topic.ToHashSet());

    [Fact]
    public void Article_speakers_are_distinct_in_order_of_appearance() =>
        Assert.Equal(["Foreign Office", "Oleg V Syromolotov", "Nabeel Munir"], Result.Article.Speaker);

    [Fact]
    public void Concurrent_extraction_gives_the_same_result()
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
