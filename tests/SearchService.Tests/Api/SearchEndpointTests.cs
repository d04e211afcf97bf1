using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class SearchEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task Terrorism_returns_ranked_paragraphs_with_marked_snippets_and_all_three_facets()
    {
        var result = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        Assert.True(result.Total > 0);
        Assert.NotEmpty(result.Hits);
        Assert.Contains("<mark>terrorism</mark>", result.Hits[0].Snippet);
        var scores = result.Hits.Select(h => h.Score!.Value).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        foreach (var facet in new[] { result.Facets.Region, result.Facets.Topic, result.Facets.Speaker })
            Assert.NotEmpty(facet);
    }

    // On the raw JSON: the record also takes a hit with otherMatches or explanation, which must be left out here.
    [Fact]
    public async Task Hit_has_every_documented_field_in_camel_case()
    {
        var hit = (await client.GetOk("/search?q=Afghanistan"))["hits"]![0]!.AsObject();
        string[] fields = ["id", "articleId", "paragraph", "title", "date", "source", "byline", "score", "snippet", "titleHighlight", "text", "region", "topic", "speaker"];
        Assert.Equal(fields.Order(), hit.Select(kv => kv.Key).Order());
    }

    [Fact]
    public async Task Hit_names_its_paragraph_source_and_day()
    {
        var hit = (await client.GetOk<SearchAnswer>("/search?q=Afghanistan")).Hits[0];
        Assert.Equal($"{SeedApiFactory.SeedId}#8", hit.Id);
        Assert.Equal("Business Recorder", hit.Source);
        Assert.StartsWith("2021-11-23", hit.Date);
    }

    [Fact]
    public async Task Region_facet_of_the_seed_names_the_countries_and_regions_it_mentions()
    {
        var regions = (await client.GetOk<SearchAnswer>("/search?facetSize=100")).Facets.Region.Select(v => v.Value);
        Assert.Superset(new HashSet<string> { "Pakistan", "Russia", "Afghanistan", "Middle East", "North Africa", "Central Asia", "South Asia" }, regions.ToHashSet());
    }

    [Fact]
    public async Task Region_Afghanistan_matches_exactly_the_one_paragraph_naming_it()
    {
        var result = await client.GetOk<SearchAnswer>("/search?region=Afghanistan");
        Assert.Equal(1, result.Total);
        var hit = result.Hits[0];
        Assert.Contains("Afghanistan", hit.Text);
        Assert.Equal(8, hit.Paragraph);
    }

    [Fact]
    public async Task Speaker_facet_names_the_foreign_office_and_both_co_chairs()
    {
        var speakers = (await client.GetOk<SearchAnswer>("/search?facetSize=100")).Facets.Speaker.Select(v => v.Value);
        Assert.Superset(new HashSet<string> { "Foreign Office", "Oleg V Syromolotov", "Nabeel Munir" }, speakers.ToHashSet());
    }

    [Fact]
    public async Task Quoted_paragraphs_are_attributed_to_the_foreign_office()
    {
        var result = await client.GetOk<SearchAnswer>("/search?speaker=Foreign%20Office&pageSize=100");
        var paragraphs = result.Hits.Select(h => h.Paragraph).ToHashSet();
        Assert.Superset(new HashSet<int> { 5, 7, 8 }, paragraphs);
    }

    [Fact]
    public async Task Topics_tell_the_seed_paragraphs_apart()
    {
        var topics = (await client.GetOk<SearchAnswer>("/search?facetSize=100")).Facets.Topic.Select(v => v.Value);
        Assert.Superset(new HashSet<string> { "Counter-terrorism", "Terrorist financing", "Extremist propaganda", "Foreign terrorist fighters", "International cooperation" }, topics.ToHashSet());
        var financing = await client.GetOk<SearchAnswer>("/search?topic=Terrorist%20financing");
        Assert.Contains("financing of terrorism", financing.Hits[0].Text);
    }

    [Fact]
    public async Task Facet_counts_are_sorted_by_count_then_value()
    {
        var regions = (await client.GetOk<SearchAnswer>("/search?facetSize=100")).Facets.Region;
        Assert.Equal(regions.OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal), regions);
    }

    [Fact]
    public async Task Filtering_one_facet_keeps_its_other_values_countable()
    {
        var result = await client.GetOk<SearchAnswer>("/search?region=Afghanistan");
        Assert.Contains("Pakistan", result.Facets.Region.Select(v => v.Value));
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public async Task Empty_query_lists_all_paragraphs_in_order_with_the_start_as_snippet()
    {
        var result = await client.GetOk<SearchAnswer>("/search?pageSize=100");
        Assert.Equal(10, result.Total);
        Assert.Equal(Enumerable.Range(1, 10), result.Hits.Select(h => h.Paragraph));
        Assert.StartsWith("Pakistan and Russia on Monday", result.Hits[0].Snippet);
        Assert.Null(result.Hits[0].Score);
    }

    [Fact]
    public async Task Paging_reports_the_page_and_returns_the_rest()
    {
        var page2 = await client.GetOk<SearchAnswer>("/search?page=2&pageSize=4");
        Assert.Equal((2, 4, 10L), (page2.Page, page2.PageSize, page2.Total));
        Assert.Equal([5, 6, 7, 8], page2.Hits.Select(h => h.Paragraph));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("terrorism AND OR NOT")]
    [InlineData("(((")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("title:")]
    [InlineData("%00%01%02")]
    [InlineData("%F0%9F%92%A3 bomb")]
    [InlineData("a%22b%5C%22c")]
    public async Task Any_input_in_simple_syntax_is_a_normal_answer(string q)
    {
        var result = await client.GetOk<SearchAnswer>($"/search?q={q}");
        Assert.NotNull(result.Hits);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1e3", "pageSize")]
    [InlineData("page=99999999999999", "page")]
    [InlineData("page=1&page=2", "page")]
    [InlineData("page=101&pageSize=100", "page")]
    [InlineData("facetSize=0", "facetSize")]
    [InlineData("syntax=regex", "syntax")]
    [InlineData("syntax=lucene&q=terrorism%20AND%20(", "q")]
    [InlineData("syntax=lucene&q=*rror", "q")]
    [InlineData("from=23/11/2021", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2021-11-31", "from")]
    [InlineData("from=2021-11-24&to=2021-11-23", "to")]
    [InlineData("dateFacet=week", "dateFacet")]
    [InlineData("rerank=neural", "rerank")]
    public async Task Bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var problem = await client.GetProblem($"/search?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.Parameter);
        Assert.Contains(parameter, problem.Detail + problem.Title);
    }

    [Theory]
    [InlineData("page=abc", "page must be a whole number, not 'abc'.")]
    [InlineData("pageSize=", "pageSize must be a whole number, not ''.")]
    [InlineData("regionTree=maybe", "regionTree must be true or false, not 'maybe'.")]
    public async Task Value_of_the_wrong_kind_is_explained_in_plain_words(string query, string detail)
    {
        var problem = await client.GetProblem($"/search?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(detail, problem.Detail);
    }

    [Fact]
    public async Task Semantic_rerank_reorders_the_best_hits_and_keeps_matches_total_and_scores()
    {
        const string question = "/search?q=what+did+the+two+countries+agree+on+terrorism&pageSize=20";
        var words = await client.GetOk<SearchAnswer>(question);
        var meaning = await client.GetOk<SearchAnswer>(question + "&rerank=semantic");

        Assert.Equal(words.Total, meaning.Total);
        Assert.Equal(
            words.Hits.ToDictionary(h => h.Id, h => h.Score!.Value),
            meaning.Hits.ToDictionary(h => h.Id, h => h.Score!.Value));
        Assert.NotEqual(words.Hits.Select(h => h.Id), meaning.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Hits_carry_the_headline_with_its_matches_marked()
    {
        var hit = (await client.GetOk<SearchAnswer>("/search?q=pakistan")).Hits[0];
        Assert.Equal(hit.Title.Replace("Pakistan", "<mark>Pakistan</mark>"), hit.TitleHighlight);
    }

    [Fact]
    public async Task A_long_bad_value_is_repeated_in_the_problem_only_in_part()
    {
        var problem = await client.GetProblem($"/search?sort={new string('x', 5000)}", HttpStatusCode.BadRequest);
        Assert.Contains("'" + new string('x', 40) + "…'", problem.Detail);
        Assert.True(problem.Detail?.Length < 200);
    }

    [Fact]
    public async Task Query_over_1000_characters_is_refused_naming_q()
    {
        var problem = await client.GetProblem($"/search?q={new string('a', 1001)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", problem.Parameter);
    }

    [Fact]
    public async Task More_than_20_values_of_a_facet_are_refused()
    {
        var query = string.Join('&', Enumerable.Range(0, 21).Select(i => $"region=R{i}"));
        var problem = await client.GetProblem($"/search?{query}", HttpStatusCode.BadRequest);
        Assert.Equal("region", problem.Parameter);
    }

    [Fact]
    public async Task The_largest_request_the_limits_allow_is_answered()
    {
        var twentyRegions = string.Join('&', Enumerable.Range(0, 20).Select(i => $"region=R{i}"));

        await client.GetOk<SearchAnswer>($"/search?q={new string('a', 1000)}");
        await client.GetOk<SearchAnswer>($"/search?{twentyRegions}");
        await client.GetOk<SearchAnswer>("/search?page=100&pageSize=100");
    }

    [Fact]
    public async Task Lucene_syntax_searches_fields()
    {
        var result = await client.GetOk<SearchAnswer>("/search?syntax=lucene&q=text:Afghanistan%20AND%20region:%22Middle%20East%22");
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public async Task Collapse_article_gives_one_hit_with_the_other_matching_paragraphs_counted()
    {
        var result = await client.GetOk<SearchAnswer>("/search?q=terrorism&collapse=article");
        var all = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        var hit = Assert.Single(result.Hits);
        Assert.Equal<long?>(all.Total - 1, hit.OtherMatches);
        Assert.Equal<(long?, long)>((1, all.Total), (result.TotalArticles, result.Total));
    }

    [Fact]
    public async Task Collapsed_facet_counts_are_in_articles()
    {
        var regions = (await client.GetOk<SearchAnswer>("/search?collapse=article&facetSize=100")).Facets.Region;
        Assert.All(regions, v => Assert.Equal(1, v.Count));
    }

    [Fact]
    public async Task Sort_date_keeps_paragraph_order_within_the_article()
    {
        var hits = (await client.GetOk<SearchAnswer>("/search?q=terrorism&sort=date&pageSize=100")).Hits;
        var paragraphs = hits.Select(h => h.Paragraph).ToList();
        Assert.Equal(paragraphs.Order(), paragraphs);
    }

    [Theory]
    [InlineData("collapse=paragraphs", "collapse")]
    [InlineData("sort=newest", "sort")]
    public async Task Unknown_collapse_or_sort_is_a_400_naming_it(string query, string parameter)
    {
        var problem = await client.GetProblem($"/search?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.Parameter);
    }

    [Theory]
    [InlineData("from=2021-11-23&to=2021-11-23", true)]
    [InlineData("from=2021-11-23T00:00:00Z", true)]
    [InlineData("to=2021-11-23T23:59", true)]
    [InlineData("from=2021-11-24", false)]
    [InlineData("to=2021-11-22", false)]
    [InlineData("to=2021-11-23T04:59%2B05:00", false)] // 23:59 on the 22nd, UTC
    [InlineData("from=0001-01-01&to=9999-12-31", true)]
    public async Task Date_range_keeps_the_seed_article_only_when_its_day_is_inside(string range, bool inside)
    {
        var all = await client.GetOk<SearchAnswer>("/search?q=terrorism");
        var limited = await client.GetOk<SearchAnswer>($"/search?q=terrorism&{range}");
        Assert.Equal(inside ? all.Total : 0, limited.Total);
        var regions = (await client.GetOk<FacetValuesAnswer>($"/facets/region?{range}")).Values;
        Assert.Equal(inside, regions.Count > 0);
    }

    [Fact]
    public async Task Date_facet_counts_the_seed_paragraphs_in_their_month_whatever_the_date_range()
    {
        var total = (await client.GetOk<SearchAnswer>("/search?q=terrorism")).Total;
        foreach (var range in new[] { "", "&from=2022-01-01" })
        {
            var months = (await client.GetOk<SearchAnswer>($"/search?q=terrorism&dateFacet=month{range}")).Facets.Date;
            Assert.NotNull(months);
            var month = Assert.Single(months);
            Assert.Equal(("2021-11", total), (month.Value, (long)month.Count));
        }
        Assert.Null((await client.GetOk<SearchAnswer>("/search?q=terrorism")).Facets.Date);
    }

    [Theory]
    [InlineData("terorism", "terrorism")]
    [InlineData("Afganistan", "afghanistan")]
    [InlineData("Syromolotv", "syromolotov")]
    public async Task Misspelt_word_still_finds_the_paragraphs_and_suggests_the_spelling(string typed, string meant)
    {
        var result = await client.GetOk<SearchAnswer>($"/search?q={typed}");
        Assert.NotEmpty(result.Hits);
        Assert.Contains(meant, result.Hits[0].Text.ToLowerInvariant());
        Assert.Equal(meant, result.DidYouMean);
    }

    [Fact]
    public async Task Explain_names_the_matched_words_and_fields_with_their_share_of_the_score()
    {
        var hit = (await client.GetOk<SearchAnswer>("/search?q=Afghanistan&explain=true")).Hits[0];
        Assert.NotNull(hit.Explanation);
        var parts = hit.Explanation.Parts;
        Assert.Contains(parts, p => p.Field == "text" && p.Match == "afghanistan");
        Assert.Equal(hit.Score!.Value, parts.Sum(p => p.Score), 3);
    }

    [Fact]
    public async Task Without_explain_hits_carry_no_explanation()
    {
        var hit = (await client.GetOk("/search?q=Afghanistan"))["hits"]![0]!.AsObject();
        Assert.False(hit.ContainsKey("explanation"));
    }

    [Fact]
    public async Task Unknown_path_is_a_problem_too()
    {
        await client.GetProblem("/no-such-endpoint", HttpStatusCode.NotFound);
    }
}
