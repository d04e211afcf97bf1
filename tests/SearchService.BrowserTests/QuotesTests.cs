using System.Text.RegularExpressions;
using SearchService.BrowserTests.Support;
using SearchService.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>
/// The box's Quotes mode (statements from <c>/quotes</c>), the speaker facet's link to a speaker's statements, and the
/// Related disclosure under each article hit. Suggestions are off where a test clicks next to the input.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuotesTests(BrowserFixture fixture)
{
    private const string ForeignOfficeOnEfforts = "Russia and Pakistan acknowledged and appreciated each other";

    [BrowserFact]
    public async Task The_mode_attribute_opens_the_box_on_statements_and_finds_the_Foreign_Offices_on_each_others_efforts()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("mode", "quotes"), ("suggest", "off"))));
        await Expect(box.Tab("Quotes")).ToHaveAttributeAsync("aria-selected", "true");

        await box.TypeAsync("efforts");

        await Expect(box.Status).ToHaveTextAsync("1 statement.");
        await Expect(box.QuoteTexts.First).ToContainTextAsync(ForeignOfficeOnEfforts);
        await Expect(box.QuoteTexts.First.Locator("mark")).ToHaveTextAsync("efforts");
        await Expect(box.QuoteMetas.First).ToContainTextAsync("Foreign Office, said");
        await Expect(box.Results.First.Locator("[part~=result-title]")).ToHaveAttributeAsync("href", new Regex($"/view/{Regex.Escape(SharedFiles.SeedFileName)}#p5$"));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_Quotes_tab_asks_the_statements_for_the_same_words()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("suggest", "off"))));
        await box.TypeAsync("Afghanistan");
        await Expect(box.Status).ToHaveTextAsync("1 result.");

        await box.Tab("Quotes").ClickAsync();

        await Expect(box.Status).ToHaveTextAsync("1 statement.");
        await Expect(box.QuoteMetas.First).ToContainTextAsync("Foreign Office, noted");
        await Expect(box.FacetValue("verb", "noted")).ToBeVisibleAsync();
        await Expect(box.Input).ToHaveValueAsync("Afghanistan");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_speakers_statements_link_shows_that_speakers_statements_in_Quotes_mode()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("suggest", "off"))));
        var statements = (long)(await fixture.Api.GetJsonAsync("/quotes?speaker=Foreign%20Office"))["total"]!;
        await box.TypeAsync("terrorism");

        await box.StatementsOf("Foreign Office").ClickAsync();

        await Expect(box.Status).ToHaveTextAsync($"{statements} statements.");
        await Expect(box.Tab("Quotes")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box.FacetValue("speaker", "Foreign Office")).ToBeCheckedAsync();
        await Expect(box.Input).ToHaveValueAsync("");
        Assert.All(await box.QuoteMetas.AllTextContentsAsync(), meta => Assert.StartsWith("Foreign Office, ", meta, StringComparison.Ordinal));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_Related_disclosure_lists_the_articles_related_to_a_hit()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("suggest", "off"))));
        var related = (await fixture.Api.GetJsonAsync($"/articles/{Uri.EscapeDataString(SharedFiles.SeedFileName)}/related?size=5"))["hits"]!.AsArray()
            .Select(h => (string)h!["title"]!).ToList();
        Assert.NotEmpty(related);
        await box.TypeAsync("Afghanistan");
        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(box.RelatedLinks(0)).ToHaveCountAsync(0);

        await box.RelatedToggle(0).ClickAsync();

        await Expect(box.RelatedToggle(0)).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(box.RelatedLinks(0)).ToHaveTextAsync(related.ToArray());
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Related_articles_are_asked_under_the_boxs_ticked_filters()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("suggest", "off"))));
        await box.TypeAsync("terrorism");
        await box.FacetValue("region", "Afghanistan").CheckAsync();
        await Expect(box.Status).ToHaveTextAsync("1 result.");

        var request = await box.Page.RunAndWaitForRequestAsync(() => box.RelatedToggle(0).ClickAsync(), new Regex("/related\\?"));

        var asked = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        Assert.Equal(("5", "Afghanistan"), (asked["size"], asked["region"]));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_sync_url_switching_to_Quotes_puts_the_mode_in_the_page_address()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("sync-url", ""), ("suggest", "off"))));
        await box.TypeAsync("Afghanistan");
        await Expect(box.Status).ToHaveTextAsync("1 result.");

        await box.Tab("Quotes").ClickAsync();

        await box.Page.WaitForURLAsync(new Regex("[?&]mode=quotes"));
        await Expect(box.Status).ToHaveTextAsync("1 statement.");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_sync_url_a_shared_address_in_Quotes_mode_opens_the_same_statements()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(
            attributes: BoxAttributes.Of(("sync-url", "")), boxState: "q=Afghanistan&mode=quotes&speaker=Foreign%20Office"));

        await Expect(box.Status).ToHaveTextAsync("1 statement.");
        await Expect(box.Tab("Quotes")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box.FacetValue("speaker", "Foreign Office")).ToBeCheckedAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_lang_fr_the_tabs_and_the_statements_speak_French()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("lang", "fr"), ("mode", "quotes"), ("suggest", "off"))));
        await Expect(box.Tab("Citations")).ToHaveAttributeAsync("aria-selected", "true");

        await box.TypeAsync("Afghanistan");

        await Expect(box.Status).ToHaveTextAsync("1 déclaration.");
        await Expect(box.Page.Locator("search-box fieldset[data-facet=verb] legend")).ToHaveTextAsync("Verbe");
        await Expect(box.Page.GetByRole(Microsoft.Playwright.AriaRole.Tablist)).ToHaveAttributeAsync("aria-label", "Rechercher dans");
        await box.Page.Context.CloseAsync();
    }
}
