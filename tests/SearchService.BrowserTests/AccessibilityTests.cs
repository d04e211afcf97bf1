using Microsoft.Playwright;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>
/// No axe-core violation (WCAG 2.0 and 2.1 A and AA, best practices) in any state of the box, as a new reader would
/// meet it on the host page of another site with its own styles, on the demo page and on the article view.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private async Task<SearchBoxPage> OpenAsync(int width = 1100, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var page = await fixture.OpenHostPageAsync(width: width, attributes: attributes);
        await Axe.InjectAsync(page);
        return new SearchBoxPage(page);
    }

    [BrowserFact]
    public async Task The_empty_box_on_a_host_page_with_its_own_styles_has_no_violation()
    {
        var box = await OpenAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "with the box empty");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_open_suggestions_have_no_violation()
    {
        var box = await OpenAsync();
        await box.TypeAsync("terr");
        await Expect(box.Suggestions.First).ToBeVisibleAsync();
        await box.Input.PressAsync("ArrowDown");
        await Axe.AssertNoViolationsAsync(box.Page, "with the suggestions open, one chosen with the arrows");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_results_have_no_violation()
    {
        var box = await OpenAsync();
        await box.TypeAsync("terrorism");
        await box.CloseSuggestionsAsync();
        await Expect(box.Results.Nth(1)).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "with results shown");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_ticked_facet_and_a_quoted_phrase_have_no_violation()
    {
        var box = await OpenAsync();
        await box.TypeAsync("\"Russia and Pakistan\" terrorism");
        await box.CloseSuggestionsAsync();
        await box.Input.FillAsync("terrorism");
        await box.FacetValue("region", "Afghanistan").CheckAsync();
        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Axe.AssertNoViolationsAsync(box.Page, "with a facet value ticked");
        const string phrase = "\"broaden their bilateral engagement\"";
        var expected = WidgetApi.ResultCount(await fixture.Api.SearchAsync($"q={Uri.EscapeDataString(phrase)}&region=Afghanistan"));
        await box.Input.FillAsync(phrase);
        await Expect(box.Status).ToHaveTextAsync(expected == 0 ? "No results." : SearchBoxPage.ResultCount(expected));
        await Axe.AssertNoViolationsAsync(box.Page, "with a quoted phrase under a ticked facet");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task No_results_and_a_correction_offered_have_no_violation()
    {
        var box = await OpenAsync();
        await box.TypeAsync("zzzqqq");
        await Expect(box.Empty).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "with no results");
        await box.Input.FillAsync("terorism");
        await Expect(box.Page.Locator("search-box [part~=did-you-mean]")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "with a correction offered");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_error_state_has_no_violation()
    {
        var box = await OpenAsync();
        await box.Page.RouteAsync("**/search?**", route => route.AbortAsync());
        await box.TypeAsync("terrorism");
        await Expect(box.Error).ToContainTextAsync("cannot be reached");
        await Axe.AssertNoViolationsAsync(box.Page, "with the error shown");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task At_phone_width_the_folded_and_unfolded_filters_have_no_violation()
    {
        var box = await OpenAsync(width: 390);
        await box.TypeAsync("terrorism");
        await box.CloseSuggestionsAsync();
        await Expect(box.Results.First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "at phone width, filters folded");
        await box.Page.Locator("search-box [part~=filters-toggle]").ClickAsync();
        await Expect(box.FacetValue("region", "Afghanistan")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "at phone width, filters unfolded");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Quotes_mode_with_statements_and_a_ticked_verb_has_no_violation()
    {
        var box = await OpenAsync(attributes: ForeignOfficeStatements);
        await Expect(box.QuoteTexts.First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "in Quotes mode with statements shown");
        await box.FacetValue("verb", "said").CheckAsync();
        await Expect(box.FacetValue("verb", "said")).ToBeCheckedAsync();
        await Expect(box.QuoteMetas.First).ToContainTextAsync(", said");
        await Axe.AssertNoViolationsAsync(box.Page, "in Quotes mode with a verb ticked");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_Related_list_opened_under_a_result_has_no_violation()
    {
        var box = await OpenAsync();
        await box.TypeAsync("terrorism");
        await box.CloseSuggestionsAsync();
        await box.RelatedToggle(0).ClickAsync();
        await Expect(box.RelatedLinks(0).First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "with a result's related articles listed");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Quotes_mode_at_phone_width_folded_and_unfolded_has_no_violation()
    {
        var box = await OpenAsync(width: 390, attributes: ForeignOfficeStatements);
        await Expect(box.QuoteTexts.First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "in Quotes mode at phone width, filters folded");
        await box.Page.Locator("search-box [part~=filters-toggle]").ClickAsync();
        await Expect(box.FacetValue("speaker", "Foreign Office")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "in Quotes mode at phone width, filters unfolded");
        await box.Page.Context.CloseAsync();
    }

    /// <summary>The box opened in Quotes mode on the Foreign Office's statements.</summary>
    private static Dictionary<string, string> ForeignOfficeStatements => BoxAttributes.Of(("mode", "quotes"), ("filters", "speaker=Foreign Office"));

    [BrowserFact]
    public async Task The_article_view_a_result_opens_has_no_violation()
    {
        var box = await OpenAsync();
        await box.TypeAsync("Afghanistan");
        await box.CloseSuggestionsAsync();
        await box.Results.First.Locator("[part~=result-title]").ClickAsync();
        await box.Page.WaitForURLAsync("**/view/**");
        await Expect(box.Page.Locator("p:target")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(box.Page, "on the article view");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_demo_page_empty_and_with_results_has_no_violation()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Api.Address.ToString());
        await Axe.InjectAsync(page);
        await Axe.AssertNoViolationsAsync(page, "on the empty demo page");
        var box = new SearchBoxPage(page);
        await box.TypeAsync("terrorism");
        await box.CloseSuggestionsAsync();
        await Expect(box.Results.First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "on the demo page with results");
        await context.CloseAsync();
    }
}
