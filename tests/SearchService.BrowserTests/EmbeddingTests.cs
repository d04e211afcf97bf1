using System.Text.RegularExpressions;
using SearchService.BrowserTests.Support;
using SearchService.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>What a site sets on the box when it embeds it: a scoped key, the state in its address, its language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbeddingTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task The_key_attribute_is_sent_so_the_box_sees_only_what_the_key_allows()
    {
        var key = SignedKeys.Sign(new { id = "afghan-desk", filters = new { region = new[] { "Afghanistan" } },
            exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }, WidgetApi.SigningSecret);
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("key", key))));
        var all = WidgetApi.ResultCount(await fixture.Api.SearchAsync("q=terrorism"));
        Assert.True(all > 1);

        await box.TypeAsync("terrorism");

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(box.Snippets.First).ToContainTextAsync("Afghanistan");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_sync_url_the_query_and_ticked_facets_go_into_the_page_address()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("sync-url", ""))));
        await box.TypeAsync("terrorism");
        await box.FacetValue("region", "Afghanistan").CheckAsync();

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await box.Page.WaitForURLAsync(new Regex("q=terrorism.*region=Afghanistan"));
        Assert.Contains("endpoint=", box.Page.Url); // the host page's own parameters stay
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_sync_url_the_back_button_restores_the_search_before_the_last_tick()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("sync-url", ""))));
        var all = SearchBoxPage.ResultCount(WidgetApi.ResultCount(await fixture.Api.SearchAsync("q=terrorism")));
        await box.TypeAsync("terrorism");
        await Expect(box.Status).ToHaveTextAsync(all);
        await box.CloseSuggestionsAsync();
        await box.FacetValue("region", "Afghanistan").CheckAsync();
        await Expect(box.Status).ToHaveTextAsync("1 result.");

        await box.Page.GoBackAsync();

        await Expect(box.Status).ToHaveTextAsync(all);
        await Expect(box.FacetValue("region", "Afghanistan")).Not.ToBeCheckedAsync();
        await Expect(box.Input).ToHaveValueAsync("terrorism");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_sync_url_a_shared_address_opens_the_same_results()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(
            attributes: BoxAttributes.Of(("sync-url", "")), boxState: "q=terrorism&region=Afghanistan"));

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(box.Input).ToHaveValueAsync("terrorism");
        await Expect(box.FacetValue("region", "Afghanistan")).ToBeCheckedAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_sync_url_the_pages_shown_are_kept_and_restored()
    {
        var attributes = BoxAttributes.Of(("sync-url", ""), ("page-size", "1"));
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: attributes));
        await box.TypeAsync("terrorism");
        await Expect(box.Results).ToHaveCountAsync(1);
        await box.CloseSuggestionsAsync();
        await box.Page.Locator("search-box [part~=more]").ClickAsync();
        await Expect(box.Results).ToHaveCountAsync(2);
        await box.Page.WaitForURLAsync(new Regex("page=2"));

        var shared = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: attributes, boxState: "q=terrorism&page=2"));

        await Expect(shared.Results).ToHaveCountAsync(2);
        await Expect(shared.Results.Nth(1).Locator("[part~=result-title]")).ToHaveTextAsync(await box.Results.Nth(1).Locator("[part~=result-title]").TextContentAsync() ?? "");
        await box.Page.Context.CloseAsync();
        await shared.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task With_lang_fr_the_box_speaks_French()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("lang", "fr"))));
        await Expect(box.Input).ToHaveAttributeAsync("placeholder", "Rechercher dans l’actualité");
        var count = WidgetApi.ResultCount(await fixture.Api.SearchAsync("q=terrorism"));

        await box.TypeAsync("terrorism");

        await Expect(box.Status).ToHaveTextAsync($"{count} résultats.");
        await Expect(box.Page.Locator("search-box fieldset[data-facet=region] legend")).ToHaveTextAsync("Région");
        await box.TypeAsync("zzzqqq");
        await Expect(box.Status).ToHaveTextAsync("Aucun résultat.");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_strings_attribute_overrides_any_word()
    {
        var strings = """{"placeholder":"Zoek in het nieuws","manyResults":"{count} resultaten.","region":"Regio"}""";
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("strings", strings))));
        await Expect(box.Input).ToHaveAttributeAsync("placeholder", "Zoek in het nieuws");
        var count = WidgetApi.ResultCount(await fixture.Api.SearchAsync("q=terrorism"));

        await box.TypeAsync("terrorism");

        await Expect(box.Status).ToHaveTextAsync($"{count} resultaten.");
        await Expect(box.Page.Locator("search-box fieldset[data-facet=region] legend")).ToHaveTextAsync("Regio");
        await Expect(box.Page.Locator("search-box fieldset[data-facet=topic] legend")).ToHaveTextAsync("Topic");
        await box.Page.Context.CloseAsync();
    }
}
