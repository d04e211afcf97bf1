using System.Text.RegularExpressions;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>A result of an article with the publisher's url links there, not to the service's own article page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublisherLinkTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task A_result_with_the_publisher_s_url_links_to_it_and_the_others_to_the_article_view()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());

        await box.TypeAsync(WidgetApi.PublisherWord);
        await Expect(box.Results).ToHaveCountAsync(1);
        await Expect(box.Results.First.Locator("[part~=result-title]")).ToHaveAttributeAsync("href", WidgetApi.PublisherUrl);

        await box.Input.FillAsync("terrorism");
        await Expect(box.Results.First.Locator("[part~=result-title]")).ToHaveAttributeAsync("href", new Regex("/view/"));
        await box.Page.Context.CloseAsync();
    }
}
