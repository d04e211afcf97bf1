using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class QuoteEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task The_Foreign_Offices_statements_include_the_one_on_each_others_efforts()
    {
        var result = await client.GetOk<QuoteAnswer>("/quotes?speaker=Foreign Office&pageSize=100");
        var hit = Assert.Single(result.Hits, h => h.Text.StartsWith("Russia and Pakistan acknowledged and appreciated each other", StringComparison.Ordinal));
        Assert.Equal(("Foreign Office", "said", SeedApiFactory.SeedId, 5), (hit.Speaker, hit.Verb, hit.ArticleId, hit.Paragraph));
        Assert.All(result.Hits, h => Assert.Equal("Foreign Office", h.Speaker));
    }

    [Fact]
    public async Task A_search_for_Afghanistan_finds_the_statement_on_it_with_the_word_marked()
    {
        var result = await client.GetOk<QuoteAnswer>("/quotes?q=Afghanistan");
        var hit = Assert.Single(result.Hits);
        Assert.StartsWith("As part of this strategic dialogue", hit.Text, StringComparison.Ordinal);
        Assert.Contains("<mark>Afghanistan</mark>", hit.Text, StringComparison.Ordinal);
        Assert.Equal(("Foreign Office", "noted"), (hit.Speaker, hit.Verb));
        Assert.NotNull(hit.Score);
        Assert.StartsWith("2021-11-23", hit.Date, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_text_is_HTML_encoded()
    {
        var result = await client.GetOk<QuoteAnswer>("/quotes?q=efforts");
        Assert.Contains("each other’s <mark>efforts</mark>", Assert.Single(result.Hits).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Hits, h => h.Text.Replace("<mark>", "").Replace("</mark>", "").Contains('<'));
    }

    [Fact]
    public async Task The_verb_facet_counts_the_matches_and_ignores_its_own_filter()
    {
        var all = await client.GetOk<QuoteAnswer>("/quotes");
        var added = await client.GetOk<QuoteAnswer>("/quotes?verb=added");
        Assert.All(added.Hits, h => Assert.Equal("added", h.Verb));
        Assert.Equal(all.Facets["verb"].Single(v => v.Value == "added").Count, added.Total);
        Assert.Equal(all.Facets["verb"], added.Facets["verb"]);
    }

    [Fact]
    public async Task Facets_are_speaker_region_topic_and_verb() =>
        Assert.Equal(["region", "speaker", "topic", "verb"], (await client.GetOk<QuoteAnswer>("/quotes")).Facets.Keys.Order());

    [Fact]
    public async Task A_region_filter_finds_statements_about_places_within_it()
    {
        var result = await client.GetOk<QuoteAnswer>("/quotes?region=Asia");
        Assert.Contains(result.Hits, h => h.Text.Contains("Afghanistan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_do_not_overlap()
    {
        var first = await client.GetOk<QuoteAnswer>("/quotes?pageSize=2&page=1");
        var second = await client.GetOk<QuoteAnswer>("/quotes?pageSize=2&page=2");
        Assert.True(first.Total > 2);
        Assert.Empty(first.Hits.Select(h => h.Text).Intersect(second.Hits.Select(h => h.Text)));
    }

    [Fact]
    public async Task Dates_outside_the_article_find_nothing() =>
        Assert.Equal(0, (await client.GetOk<QuoteAnswer>("/quotes?from=2022-01-01")).Total);

    [Theory]
    [InlineData("/quotes?pageSize=0", "pageSize")]
    [InlineData("/quotes?page=0", "page")]
    [InlineData("/quotes?from=yesterday", "from")]
    [InlineData("/quotes?from=2021-12-01&to=2021-01-01", "to")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, string parameter) =>
        Assert.Equal(parameter, (await client.GetProblem(url, HttpStatusCode.BadRequest)).Parameter);

    [Fact]
    public async Task Statements_are_no_hits_of_search()
    {
        var search = await client.GetOk<SearchAnswer>("/search?pageSize=100");
        Assert.Equal(SeedArticleParagraphs, search.Total);
    }

    [Fact]
    public async Task The_profile_of_the_Foreign_Office_counts_its_statements_by_month()
    {
        var quotes = await client.GetOk<QuoteAnswer>("/quotes?speaker=Foreign Office");
        var profile = await client.GetOk<SpeakerProfileAnswer>("/speakers/Foreign Office");
        Assert.Equal(("Foreign Office", quotes.Total), (profile.Name, profile.Statements));
        Assert.Equal([new FacetValueAnswer("2021-11", (int)quotes.Total)], profile.StatementsByMonth);
        Assert.Equal("organisation", profile.Kind);
        Assert.Contains(profile.Regions, r => r.Value == "Afghanistan");
        Assert.NotEmpty(profile.Recent);
    }

    [Fact]
    public async Task An_unknown_speaker_is_a_404_problem()
    {
        var response = await client.GetAsync("/speakers/Nobody Atall");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static int SeedArticleParagraphs => Facets.SeedArticle.Article.Paragraphs.Count;
}
