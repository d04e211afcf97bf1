using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>
/// The publisher fields the service makes filters (Search:FilterFields = section, fields.desk) listed by the box as facet
/// groups beside region, topic and speaker, over three articles: Markets/Energy, Markets/Shipping and World/Energy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilterFieldFacetTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task The_service_s_filter_fields_are_listed_as_facet_groups_named_after_them_with_its_counts()
    {
        var page = await fixture.OpenHostPageAsync();
        await Axe.InjectAsync(page);
        var box = new SearchBoxPage(page);
        var fields = (await fixture.Api.SearchAsync($"q={WidgetApi.FieldsWord}"))["facets"]!["fields"]!;

        await box.TypeAsync(WidgetApi.FieldsWord);
        await box.CloseSuggestionsAsync();

        await Expect(box.FacetTitle("section")).ToHaveTextAsync("Section");
        await Expect(box.FacetTitle("fields.desk")).ToHaveTextAsync("Desk");
        Assert.Equal(Counts(fields["section"]!), await ShownCountsAsync(box, "section"));
        Assert.Equal(Counts(fields["fields.desk"]!), await ShownCountsAsync(box, "fields.desk"));
        Assert.Equal(["Markets 2", "World 1"], await ShownCountsAsync(box, "section"));
        await Axe.AssertNoViolationsAsync(page, "with publisher-field facets listed");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Ticking_a_section_and_a_desk_filters_by_both_and_keeps_them_in_the_address()
    {
        var page = await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("sync-url", "")));
        await Axe.InjectAsync(page);
        var box = new SearchBoxPage(page);
        await box.TypeAsync(WidgetApi.FieldsWord);
        await Expect(box.Status).ToHaveTextAsync("3 results.");
        await box.CloseSuggestionsAsync();

        await box.FacetValue("section", "Markets").CheckAsync();
        await Expect(box.Status).ToHaveTextAsync("2 results.");
        await box.FacetValue("fields.desk", "Energy").CheckAsync();

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(box.Results.First.Locator("[part~=result-title]")).ToHaveTextAsync("Tanker rates climb");
        await page.WaitForURLAsync(new Regex($"q={WidgetApi.FieldsWord}.*section=Markets.*fields.desk=Energy"));
        await Axe.AssertNoViolationsAsync(page, "with a section and a desk ticked");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_shared_address_with_a_section_and_a_desk_opens_with_both_ticked()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(
            attributes: BoxAttributes.Of(("sync-url", "")), boxState: $"q={WidgetApi.FieldsWord}&section=Markets&fields.desk=Energy"));

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(box.FacetValue("section", "Markets")).ToBeCheckedAsync();
        await Expect(box.FacetValue("fields.desk", "Energy")).ToBeCheckedAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_page_parameter_named_like_a_field_the_service_does_not_filter_by_is_left_to_the_page()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(
            attributes: BoxAttributes.Of(("sync-url", "")), boxState: $"q={WidgetApi.FieldsWord}&language=fr"));

        await Expect(box.Status).ToHaveTextAsync("3 results.");
        await Expect(box.Error).ToBeHiddenAsync();
        Assert.Contains("language=fr", box.Page.Url);
        await box.Page.Context.CloseAsync();
    }

    private static List<string> Counts(JsonNode values) =>
        values.AsArray().Select(v => $"{(string)v!["value"]!} {(long)v["count"]!}").ToList();

    private static async Task<List<string>> ShownCountsAsync(SearchBoxPage box, string facet)
    {
        var labels = box.Page.Locator($"search-box fieldset[data-facet=\"{facet}\"] label");
        return (await labels.AllInnerTextsAsync()).Select(text => Regex.Replace(text.Trim(), @"\s+", " ")).ToList();
    }
}
