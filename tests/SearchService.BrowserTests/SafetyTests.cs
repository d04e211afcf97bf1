using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SafetyTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Markup_and_script_in_the_corpus_show_as_text_and_never_run()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());

        await box.TypeAsync(WidgetApi.HostileWord);

        await Expect(box.Results).ToHaveCountAsync(1);
        await Expect(box.Results.First.Locator("[part~=result-title]")).ToContainTextAsync(WidgetApi.HostileScript);
        await Expect(box.Snippets.First).ToContainTextAsync(WidgetApi.HostileImage);
        await Expect(box.Marks.First).ToHaveTextAsync(WidgetApi.HostileWord);
        Assert.Equal(0, await box.Page.Locator("search-box img, search-box script").CountAsync());
        Assert.False(await box.Page.EvaluateAsync<bool>("() => window.hacked === true"));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_host_page_styles_do_not_reach_inside_the_box()
    {
        // The host page sets red serif text and `all: unset` on inputs and list items.
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        await box.TypeAsync("terrorism");
        await Expect(box.Results.First).ToBeVisibleAsync();

        var inputBorder = await box.Input.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle");
        var textColor = await box.Snippets.First.EvaluateAsync<string>("e => getComputedStyle(e).color");

        Assert.Equal("solid", inputBorder);
        Assert.NotEqual("rgb(255, 0, 0)", textColor);
        await box.Page.Context.CloseAsync();
    }
}
