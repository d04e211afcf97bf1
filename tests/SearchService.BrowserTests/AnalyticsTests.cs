using Microsoft.Extensions.DependencyInjection;
using SearchService.Api.Analytics;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>The box and the service's search analytics: clicks reported from a page of another origin, popular queries offered.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsTests(BrowserFixture fixture)
{
    private SearchAnalytics Analytics => fixture.Api.Services.GetRequiredService<SearchAnalytics>();

    [BrowserFact]
    public async Task Opening_a_result_reports_the_click_for_its_query_and_the_service_counts_it()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(attributes: BoxAttributes.Of(("suggest", "off"))));
        // The page stays: the count is read from the service, not from a request a leaving page may take with it.
        await box.Page.EvaluateAsync("document.addEventListener('search-box:select', event => event.preventDefault())");
        await box.TypeAsync("Oslo ports");
        await Expect(box.Status).ToHaveTextAsync("1 result.");

        await box.Results.First.Locator("[part~=result-title]").ClickAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        long clicks;
        while ((clicks = await ClicksAsync("oslo ports")) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(1, clicks);
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_query_often_searched_is_offered_marked_popular_and_searched_when_chosen()
    {
        for (var i = 0; i < new SearchAnalyticsOptions().SuggestAfterSearches; i++)
            await fixture.Api.SearchAsync("q=" + Uri.EscapeDataString("ministers oslo ports"));
        await Analytics.FlushAsync();
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());

        await box.TypeAsync("ministers os");
        var popular = box.Suggestions.Filter(new() { HasText = "ministers oslo ports" });
        await Expect(popular).ToContainTextAsync("Popular");
        await popular.ClickAsync();

        await Expect(box.Input).ToHaveValueAsync("ministers oslo ports");
        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await box.Page.Context.CloseAsync();
    }

    private async Task<long> ClicksAsync(string query) =>
        (await Analytics.ReportAsync(Analytics.Today, Analytics.Today, 100, CancellationToken.None)).TopQueries.FirstOrDefault(q => q.Query == query)?.Clicks ?? 0;
}
