using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// A scoped key sees only what its filters allow, at every endpoint that reads the index, and request parameters can
/// narrow its filters but never widen them. The key here: Business Recorder, from 2021 on (the Karachi article and the
/// seed); outside it are the 2019 Business Recorder article and the Dawn one.
/// </summary>
public sealed class ScopedKeySearchTests(ScopedKeyApiFactory api) : IClassFixture<ScopedKeyApiFactory>, IAsyncLifetime
{
    private HttpClient scoped = null!;
    private HttpClient unscoped = null!;

    public async Task InitializeAsync()
    {
        var issued = await api.Issue(new { filters = new { source = new[] { ScopedKeyApiFactory.Publisher }, from = "2021-01-01" } });
        scoped = api.ClientWith(issued.Secret);
        unscoped = api.ClientWith(ScopedKeyApiFactory.SearchKey);
    }

    public Task DisposeAsync()
    {
        scoped.Dispose();
        unscoped.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_search_with_the_key_finds_only_articles_its_filters_allow()
    {
        var everything = await unscoped.GetOk<SearchAnswer>("/search?q=cotton");
        var within = await scoped.GetOk<SearchAnswer>("/search?q=cotton");
        Assert.Contains(everything.Hits, hit => hit.ArticleId == ScopedKeyApiFactory.DelhiCotton);
        Assert.NotEmpty(within.Hits);
        Assert.All(within.Hits, hit => Assert.Equal(ScopedKeyApiFactory.KarachiCotton, hit.ArticleId));
        Assert.Equal(within.Hits.Count, within.Total);
    }

    [Fact]
    public async Task Facet_counts_under_the_key_count_only_what_it_sees()
    {
        var everything = await unscoped.GetOk<SearchAnswer>("/search?q=cotton");
        var within = await scoped.GetOk<SearchAnswer>("/search?q=cotton&region=Pakistan");
        Assert.Contains(everything.Facets.Region, value => value.Value == "India");
        Assert.DoesNotContain(within.Facets.Region, value => value.Value == "India");
    }

    [Fact]
    public async Task Collapsed_to_articles_the_totals_stay_inside_the_key()
    {
        Assert.Equal(4, (await unscoped.GetOk<SearchAnswer>("/search?collapse=article")).TotalArticles);
        var within = await scoped.GetOk<SearchAnswer>("/search?collapse=article");
        // The seed article is Business Recorder's too, of November 2021.
        Assert.Equal(2, within.TotalArticles);
        Assert.Equal([ScopedKeyApiFactory.KarachiCotton, SeedApiFactory.SeedId], within.Hits.Select(hit => hit.ArticleId).Order());
    }

    [Fact]
    public async Task Asking_for_another_value_of_a_facet_narrows_instead_of_widening()
    {
        var india = await scoped.GetOk<SearchAnswer>("/search?q=cotton&region=India");
        Assert.Empty(india.Hits);
        Assert.Equal(0, india.Total);
    }

    [Fact]
    public async Task An_empty_filter_parameter_does_not_lift_the_keys_filter()
    {
        var emptied = await scoped.GetOk<SearchAnswer>("/search?q=cotton&region=&topic=&from=&to=");
        Assert.All(emptied.Hits, hit => Assert.Equal(ScopedKeyApiFactory.KarachiCotton, hit.ArticleId));
    }

    [Fact]
    public async Task A_date_range_outside_the_keys_dates_finds_nothing()
    {
        var earlier = await scoped.GetOk<SearchAnswer>("/search?q=wheat&from=2019-01-01&to=2019-12-31");
        Assert.Equal(0, earlier.Total);
        Assert.True((await unscoped.GetOk<SearchAnswer>("/search?q=wheat&from=2019-01-01&to=2019-12-31")).Total > 0);
    }

    [Fact]
    public async Task Lucene_syntax_naming_other_fields_cannot_reach_past_the_keys_filters()
    {
        var reaching = await scoped.GetOk<SearchAnswer>(
            "/search?syntax=lucene&q=" + Uri.EscapeDataString("source:Dawn OR region:India OR articleId:" + ScopedKeyApiFactory.IslamabadWheat + " OR text:cotton"));
        Assert.All(reaching.Hits, hit => Assert.Equal(ScopedKeyApiFactory.KarachiCotton, hit.ArticleId));
    }

    [Fact]
    public async Task Facet_values_list_only_values_inside_the_key()
    {
        Assert.Contains((await unscoped.GetOk<FacetValuesAnswer>("/facets/region")).Values, value => value.Value == "India");
        var within = await scoped.GetOk<FacetValuesAnswer>("/facets/region");
        Assert.DoesNotContain(within.Values, value => value.Value == "India");
        Assert.Contains(within.Values, value => value.Value == "Pakistan");
    }

    [Fact]
    public async Task Did_you_mean_never_names_a_word_found_only_outside_the_key()
    {
        Assert.Equal("monsoon", (await unscoped.GetOk<SearchAnswer>("/search?q=monsoom")).DidYouMean);
        Assert.Null((await scoped.GetOk<SearchAnswer>("/search?q=monsoom")).DidYouMean);
        Assert.Equal("spinners", (await scoped.GetOk<SearchAnswer>("/search?q=spinnerz")).DidYouMean);
    }

    [Fact]
    public async Task Suggestions_offer_only_words_found_inside_the_key()
    {
        Assert.Contains((await unscoped.GetOk<SuggestAnswer>("/suggest?q=monso")).Suggestions, s => s.Text == "monsoon");
        Assert.Empty((await scoped.GetOk<SuggestAnswer>("/suggest?q=monso")).Suggestions);
        Assert.Contains((await scoped.GetOk<SuggestAnswer>("/suggest?q=spinn")).Suggestions, s => s.Text == "spinners");
    }

    [Theory]
    [InlineData("/articles/" + ScopedKeyApiFactory.DelhiCotton)]
    [InlineData("/articles/" + ScopedKeyApiFactory.IslamabadWheat)]
    [InlineData("/view/" + ScopedKeyApiFactory.DelhiCotton)]
    public async Task An_article_outside_the_key_is_not_found(string url)
    {
        Assert.Equal("id", (await scoped.GetProblem(url, HttpStatusCode.NotFound)).Parameter);
        Assert.Equal(HttpStatusCode.OK, (await unscoped.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_article_inside_the_key_is_read_whole()
    {
        var article = await scoped.GetOk<ArticleAnswer>("/articles/" + ScopedKeyApiFactory.KarachiCotton);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/keys")]
    [InlineData("/openapi/v1.json")]
    public async Task Endpoints_that_do_not_apply_the_filters_refuse_the_key_with_403(string url)
    {
        var problem = await scoped.GetProblem(url, HttpStatusCode.Forbidden);
        Assert.Equal("key", problem.Parameter);
        Assert.NotNull(problem.KeyId);
    }

    [Fact]
    public async Task The_key_cannot_write()
    {
        var refused = await (await scoped.DeleteAsync("/articles/" + ScopedKeyApiFactory.KarachiCotton)).ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal("key", refused.Parameter);
        Assert.Equal(HttpStatusCode.OK, (await unscoped.GetAsync("/articles/" + ScopedKeyApiFactory.KarachiCotton)).StatusCode);
    }
}
