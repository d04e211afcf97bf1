using Microsoft.Playwright;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FailureTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task When_the_service_stops_the_box_says_it_cannot_be_reached()
    {
        var api = await WidgetApi.StartAsync();
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync(api));
        await box.TypeAsync("terrorism");
        await Expect(box.Results.First).ToBeVisibleAsync();

        await api.DisposeAsync();
        await box.Input.FillAsync("russia");

        await Expect(box.Error).ToContainTextAsync("cannot be reached");
        await Expect(box.Status).ToHaveTextAsync("Search is unavailable.");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_filter_the_service_does_not_take_shows_its_problem_rather_than_unfiltered_results()
    {
        var page = await fixture.OpenHostPageAsync(attributes: new Dictionary<string, string> { ["filters"] = "regoin=Afghanistan" });
        var box = new SearchBoxPage(page);

        await box.TypeAsync("terrorism");

        await Expect(box.Error).ToContainTextAsync("'regoin' is not a parameter of /search (did you mean 'region'?)");
        await Expect(box.Results).ToHaveCountAsync(0);
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_slow_answer_to_an_older_search_never_replaces_the_newer_one()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var russia = WidgetApi.ResultCount(await fixture.Api.SearchAsync("q=russia"));
        var slowStarted = new TaskCompletionSource();
        await box.Page.RouteAsync("**/search?**", async route =>
        {
            if (route.Request.Url.Contains("q=pakistan"))
            {
                slowStarted.TrySetResult();
                await Task.Delay(1500);
            }
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The box gave up on this request when the newer search started.
            }
        });

        await box.Input.FillAsync("pakistan");
        await slowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await box.Input.FillAsync("russia");

        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(russia));
        await box.Page.WaitForTimeoutAsync(2000); // past the slow answer
        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(russia));
        Assert.All(await box.Marks.AllTextContentsAsync(), mark => Assert.Equal("russia", mark.ToLowerInvariant()));
        await box.Page.Context.CloseAsync();
    }
}
