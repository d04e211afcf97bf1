using System.Text.RegularExpressions;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Arrow_keys_move_the_focus_through_the_results_and_Enter_hands_the_chosen_hit_to_the_host_page()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        // The host decides what choosing does: here it keeps the hit instead of following the link.
        await box.Page.EvaluateAsync("() => document.addEventListener('search-box:select', e => { e.preventDefault(); window.chosen = e.detail.hit.id; })");
        await box.TypeAsync("terrorism");
        await Expect(box.Results.Nth(1)).ToBeVisibleAsync();
        await box.CloseSuggestionsAsync();
        var secondId = (string)(await fixture.Api.SearchAsync("q=terrorism"))["hits"]![1]!["id"]!;

        await box.Input.PressAsync("ArrowDown");
        await box.Page.Keyboard.PressAsync("ArrowDown");

        var second = box.Results.Nth(1).Locator("[part~=result-title]");
        await Expect(second).ToBeFocusedAsync();
        await box.Page.Keyboard.PressAsync("Enter");
        Assert.Equal(secondId, await box.Page.EvaluateAsync<string>("() => window.chosen"));
        await box.Page.Keyboard.PressAsync("ArrowUp");
        await box.Page.Keyboard.PressAsync("ArrowUp");
        await Expect(box.Input).ToBeFocusedAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Escape_clears_the_box_and_its_results()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        await box.TypeAsync("terrorism");
        await Expect(box.Results.First).ToBeVisibleAsync();

        await box.CloseSuggestionsAsync();
        await box.Input.PressAsync("Escape");

        await Expect(box.Input).ToHaveValueAsync("");
        await Expect(box.Results).ToHaveCountAsync(0);
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Enter_on_a_result_opens_the_article_with_its_paragraph_highlighted_and_in_view()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var hit = (await fixture.Api.SearchAsync("q=Afghanistan"))["hits"]![0]!;
        await box.TypeAsync("Afghanistan");
        await Expect(box.Results.First).ToBeVisibleAsync();
        await box.CloseSuggestionsAsync();

        await box.Input.PressAsync("ArrowDown");
        await box.Page.Keyboard.PressAsync("Enter");

        // Focus leaves the page's input for the link, so the article may have loaded before this line: an assertion on the
        // address, not a wait for a navigation to come.
        await Expect(box.Page).ToHaveURLAsync(new Regex($"/view/.*#p{(int)hit["paragraph"]!}$"));
        var target = box.Page.Locator("p:target");
        await Expect(target).ToContainTextAsync("Afghanistan");
        await Expect(target).ToBeInViewportAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_facet_value_ticked_with_the_space_bar_keeps_the_focus_when_the_results_change()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        await box.TypeAsync("terrorism");
        var afghanistan = box.FacetValue("region", "Afghanistan");
        await Expect(afghanistan).ToBeVisibleAsync();

        await afghanistan.FocusAsync();
        await box.Page.Keyboard.PressAsync("Space");

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(afghanistan).ToBeCheckedAsync();
        await Expect(afghanistan).ToBeFocusedAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Arrow_keys_move_between_the_Articles_and_Quotes_tabs_and_show_each_mode()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("suggest", "off"))));
        await box.TypeAsync("Afghanistan");
        await Expect(box.Status).ToHaveTextAsync("1 result.");
        // Tab from the input passes its clear button to the selected tab, the only one in the tab order.
        await box.Page.Keyboard.PressAsync("Tab");
        await box.Page.Keyboard.PressAsync("Tab");
        await Expect(box.Tab("Articles")).ToBeFocusedAsync();

        await box.Page.Keyboard.PressAsync("ArrowRight");

        await Expect(box.Tab("Quotes")).ToBeFocusedAsync();
        await Expect(box.Tab("Quotes")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box.Status).ToHaveTextAsync("1 statement.");
        await box.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(box.Tab("Articles")).ToBeFocusedAsync();
        await Expect(box.Tab("Articles")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await box.Page.Context.CloseAsync();
    }
}
