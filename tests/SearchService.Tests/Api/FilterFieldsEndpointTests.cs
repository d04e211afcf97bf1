using System.Net;
using System.Text.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Search:FilterFields through HTTP: /search, /facets/{name}, /export, /articles/{id}/related, scoped keys and the OpenAPI document.</summary>
public sealed class FilterFieldsEndpointTests(FilterFieldsApiFactory api) : IClassFixture<FilterFieldsApiFactory>
{
    private readonly HttpClient client = api.CreateSearchClient();

    private static Dictionary<string, int> Counts(SearchAnswer answer, string field) =>
        answer.Facets.Fields![field].ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public async Task A_section_filter_finds_only_that_section_and_its_facet_still_counts_the_others()
    {
        var answer = await client.GetOk<SearchAnswer>("/search?q=oil&section=World&collapse=article");

        Assert.Equal(["oil-spill-alaska-2024"], answer.Hits.Select(h => h.ArticleId));
        Assert.Equal(new Dictionary<string, int> { ["Markets"] = 3, ["World"] = 1 }, Counts(answer, "section"));
        Assert.Equal(new Dictionary<string, int> { ["Dana Price"] = 1 }, Counts(answer, "byline"));
    }

    [Fact]
    public async Task Filters_on_two_fields_are_and_ed_and_values_of_one_are_or_ed()
    {
        var answer = await client.GetOk<SearchAnswer>("/search?q=oil&section=Markets&fields.desk=Energy&fields.desk=Commodities&byline=Ruth%20Gant&collapse=article");

        Assert.Equal(["gas-storage-2024", "opec-vienna-2024"], answer.Hits.Select(h => h.ArticleId).Order());
    }

    [Fact]
    public async Task A_publisher_field_that_is_not_configured_is_a_400_naming_it()
    {
        var language = await client.GetProblem("/search?q=oil&language=en", HttpStatusCode.BadRequest);
        var edition = await client.GetProblem("/search?q=oil&fields.edition=Europe", HttpStatusCode.BadRequest);

        Assert.Equal("language", language.Parameter);
        Assert.Equal("fields.edition", edition.Parameter);
        Assert.Contains("section, byline, fields.desk", edition.Detail);
    }

    [Fact]
    public async Task A_field_named_in_capitals_filters_as_it_does_in_lower_case_as_ASP_NET_Core_binds_parameters()
    {
        var lower = await client.GetOk<SearchAnswer>("/search?q=oil&section=World&fields.desk=Environment&collapse=article");
        var capitalised = await client.GetOk<SearchAnswer>("/search?q=oil&Section=World&Fields.Desk=Environment&collapse=article");

        Assert.Equal(["oil-spill-alaska-2024"], lower.Hits.Select(h => h.ArticleId));
        Assert.Equal(["oil-spill-alaska-2024"], capitalised.Hits.Select(h => h.ArticleId));
        Assert.Equal(Counts(lower, "section"), Counts(capitalised, "section"));
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_naming_it_whatever_its_case()
    {
        var lower = await client.GetProblem("/search?q=oil&fields.nope=x", HttpStatusCode.BadRequest);
        var capitalised = await client.GetProblem("/search?q=oil&Fields.Nope=x", HttpStatusCode.BadRequest);
        var language = await client.GetProblem("/search?q=oil&Language=en", HttpStatusCode.BadRequest);

        Assert.Equal("fields.nope", lower.Parameter);
        Assert.Equal("Fields.Nope", capitalised.Parameter);
        Assert.Equal("Language", language.Parameter);
    }

    [Fact]
    public async Task A_lucene_clause_on_a_field_of_the_publisher_matches_its_exact_value_which_stemming_would_break()
    {
        // English analysis would make "Commodities" the term "commod", which no article has: the desk is indexed as it is.
        var answer = await client.GetOk<SearchAnswer>("/search?q=fields.desk:Commodities%20AND%20oil&syntax=lucene&collapse=article");

        Assert.Equal(["cocoa-ghana-2024"], answer.Hits.Select(h => h.ArticleId));
    }

    [Fact]
    public async Task Facet_values_of_a_configured_field_are_listed_by_prefix()
    {
        var answer = await client.GetOk<FacetValuesAnswer>("/facets/fields.desk?q=oil&prefix=en&collapse=article");

        Assert.Equal([("Energy", 2), ("Environment", 1)], answer.Values.Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public async Task A_configured_field_s_facet_name_is_read_whatever_its_case()
    {
        var answer = await client.GetOk<FacetValuesAnswer>("/facets/Fields.Desk?q=oil&prefix=en&collapse=article");

        Assert.Equal("fields.desk", answer.Facet);
        Assert.Equal([("Energy", 2), ("Environment", 1)], answer.Values.Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public async Task An_export_keeps_only_the_filtered_section()
    {
        var lines = (await client.GetStringAsync("/export?q=oil&section=World")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["oil-spill-alaska-2024"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("articleId").GetString()).Distinct());
    }

    [Fact]
    public async Task Related_articles_are_filtered_by_a_configured_field()
    {
        var related = await client.GetOk("/articles/opec-vienna-2024/related?section=World");

        Assert.Equal(["oil-spill-alaska-2024"], related["hits"]!.AsArray().Select(hit => (string?)hit!["articleId"]));
    }

    [Fact]
    public async Task A_key_fixing_the_section_sees_only_it_whatever_the_request_filters()
    {
        using var markets = await api.CreateScopedClient(new { fields = new Dictionary<string, string[]> { ["section"] = ["Markets"] } });

        var widened = await markets.GetOk<SearchAnswer>("/search?q=oil&section=World");
        var within = await markets.GetOk<SearchAnswer>("/search?q=oil&collapse=article");

        Assert.Equal(0, widened.Total);
        Assert.Equal(new Dictionary<string, int> { ["Markets"] = 3 }, Counts(within, "section"));
        Assert.DoesNotContain(within.Hits, h => h.Section != "Markets");
    }

    [Fact]
    public async Task The_configured_fields_are_parameters_of_search_in_the_openapi_document()
    {
        var document = await client.GetOk("/openapi/v1.json");

        var parameters = document["paths"]!["/search"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("section", parameters);
        Assert.Contains("fields.desk", parameters);
        Assert.DoesNotContain("language", parameters);
    }
}
