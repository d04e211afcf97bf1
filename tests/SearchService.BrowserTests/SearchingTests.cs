using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

/// <summary>The box embedded with the two documented lines on a page of another origin, searching the seed article.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchingTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Typing_a_word_shows_ranked_results_with_the_matches_highlighted()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var expected = await fixture.Api.SearchAsync("q=terrorism&pageSize=10");

        await box.TypeAsync("terrorism");

        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(WidgetApi.ResultCount(expected)));
        var firstTitle = (string)expected["hits"]![0]!["title"]!;
        await Expect(box.Results.First.Locator("[part~=result-title]")).ToHaveTextAsync(firstTitle);
        await Expect(box.Results.First.Locator("[part~=result-title] mark").First).ToHaveTextAsync(new Regex("^terroris", RegexOptions.IgnoreCase));
        await Expect(box.Results).ToHaveCountAsync(expected["hits"]!.AsArray().Count);
        Assert.All(await box.Marks.AllTextContentsAsync(), mark => Assert.Matches(new Regex("^terroris", RegexOptions.IgnoreCase), mark));
        Assert.True(await box.Marks.CountAsync() >= 1);
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Ticking_region_Afghanistan_narrows_the_results_to_its_one_paragraph()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        await box.TypeAsync("terrorism");
        await Expect(box.FacetValue("region", "Afghanistan")).ToBeVisibleAsync();

        await box.FacetValue("region", "Afghanistan").CheckAsync();

        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await Expect(box.Results).ToHaveCountAsync(1);
        await Expect(box.Snippets.First).ToContainTextAsync("Afghanistan");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Ticking_a_second_region_adds_its_paragraphs_to_the_first()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var regions = (await fixture.Api.SearchAsync("q=terrorism&region=Afghanistan"))["facets"]!["region"]!.AsArray()
            .Select(v => (string)v!["value"]!).Where(v => v != "Afghanistan").ToList();
        var second = regions.First();
        var both = await fixture.Api.SearchAsync($"q=terrorism&region=Afghanistan&region={Uri.EscapeDataString(second)}");
        await box.TypeAsync("terrorism");

        await box.FacetValue("region", "Afghanistan").CheckAsync();
        await Expect(box.Status).ToHaveTextAsync("1 result.");
        await box.FacetValue("region", second).CheckAsync();

        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(WidgetApi.ResultCount(both)));
        await Expect(box.FacetValue("region", "Afghanistan")).ToBeCheckedAsync();
        await Expect(box.FacetValue("region", second)).ToBeCheckedAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_from_and_to_attributes_limit_every_search_to_those_dates()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var all = SearchBoxPage.ResultCount(WidgetApi.ResultCount(await fixture.Api.SearchAsync("q=terrorism&pageSize=10")));
        await box.TypeAsync("terrorism");
        await Expect(box.Status).ToHaveTextAsync(all);

        // The seed article is of 23 November 2021; the other article on terrorism has no date.
        await box.Page.EvalOnSelectorAsync("search-box", "box => box.setAttribute('from', '2021-11-24')");
        await Expect(box.Empty).ToHaveTextAsync("No results for “terrorism”.");
        await box.Page.EvalOnSelectorAsync("search-box", "box => box.setAttribute('from', '2021-11-23')");
        var dated = await fixture.Api.SearchAsync("q=terrorism&pageSize=10&from=2021-11-23");
        Assert.True(WidgetApi.ResultCount(dated) > 0);
        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(WidgetApi.ResultCount(dated)));
        await box.Page.EvalOnSelectorAsync("search-box", "box => box.setAttribute('to', 'yesterday')");
        await Expect(box.Error).ToContainTextAsync("to must be a day");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public Task The_rerank_attribute_asks_for_semantic_reranking_and_shows_that_order() =>
        AttributeIsAskedForAndItsOrderShownAsync("rerank", "semantic", "what did the two countries agree about terrorism");

    [BrowserFact]
    public Task The_recency_attribute_asks_for_fresh_results_first_and_shows_that_order() =>
        AttributeIsAskedForAndItsOrderShownAsync("recency", "7d", "terrorism");

    /// <summary>With the attribute set, typing <paramref name="query"/> sends it as the parameter of the same name and shows the service's order.</summary>
    private async Task AttributeIsAskedForAndItsOrderShownAsync(string attribute, string value, string query)
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var requested = new List<string>();
        await box.Page.RouteAsync("**/search?**", async route =>
        {
            requested.Add(route.Request.Url);
            await route.ContinueAsync();
        });
        await box.Page.EvalOnSelectorAsync("search-box", $"box => box.setAttribute('{attribute}', '{value}')");
        var expected = await fixture.Api.SearchAsync($"q={Uri.EscapeDataString(query)}&pageSize=10&{attribute}={value}");

        await box.TypeAsync(query);

        await Expect(box.Results).ToHaveCountAsync(expected["hits"]!.AsArray().Count);
        Assert.Equal(
            expected["hits"]!.AsArray().Select(h => (string)h!["title"]!),
            await box.Results.Locator("[part~=result-title]").AllTextContentsAsync());
        Assert.Contains(requested, url => url.Contains($"{attribute}={value}"));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_search_without_matches_says_so_naming_the_words_and_filters()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        await box.TypeAsync("terrorism");
        await box.FacetValue("region", "Afghanistan").CheckAsync();
        await Expect(box.Status).ToHaveTextAsync("1 result.");

        await box.Input.FillAsync("quixotic");

        await Expect(box.Empty).ToHaveTextAsync(new Regex("No results for “quixotic” with Region: Afghanistan"));
        await box.Empty.Locator("button", new() { HasText = "Clear filters" }).ClickAsync();
        await Expect(box.Empty).ToHaveTextAsync("No results for “quixotic”.");
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Choosing_a_word_completion_searches_for_it()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var suggestions = (await fixture.Api.GetJsonAsync("/suggest?q=terr&size=6"))["suggestions"]!.AsArray();
        var position = suggestions.ToList().FindIndex(s => (string)s!["kind"]! == "term");
        var word = (string)suggestions[position]!["text"]!;

        await box.TypeAsync("terr");
        await Expect(box.Suggestions.Nth(position)).ToContainTextAsync(word);
        for (var i = 0; i <= position; i++)
            await box.Input.PressAsync("ArrowDown");
        await box.Input.PressAsync("Enter");

        await Expect(box.Input).ToHaveValueAsync(word);
        await Expect(box.Marks.First).ToBeVisibleAsync();
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Choosing_a_region_completion_ticks_that_region()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var total = WidgetApi.ResultCount(await fixture.Api.SearchAsync("region=Afghanistan"));

        await box.TypeAsync("afgh");
        await Expect(box.Suggestions.First).ToContainTextAsync("Afghanistan");
        await box.Suggestions.First.ClickAsync();

        await Expect(box.Input).ToHaveValueAsync("");
        await Expect(box.FacetValue("region", "Afghanistan")).ToBeCheckedAsync();
        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(total));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_box_asks_for_one_result_per_article_and_counts_articles_where_the_service_does()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        var requested = new List<string>();
        // Stands in for a service that collapses: the real answer, with an article count added.
        await box.Page.RouteAsync("**/search?**", async route =>
        {
            requested.Add(route.Request.Url);
            var response = await route.FetchAsync();
            var answer = JsonNode.Parse(await response.TextAsync())!.AsObject();
            answer["totalArticles"] = answer["hits"]!.AsArray().Count;
            answer["total"] = 999;
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = answer.ToJsonString() });
        });

        await box.TypeAsync("terrorism");
        await Expect(box.Results.First).ToBeVisibleAsync();

        await Expect(box.Status).ToHaveTextAsync(SearchBoxPage.ResultCount(await box.Results.CountAsync()));
        await Expect(box.Page.Locator("search-box [part~=more]")).ToBeHiddenAsync();
        Assert.All(requested, url => Assert.Contains("collapse=article", url));
        await box.Page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_correction_offered_by_the_service_can_be_searched_with_one_click()
    {
        var box = new SearchBoxPage(await fixture.OpenHostPageAsync());
        // Stands in for a service that corrects spelling: the real answer, with a correction added.
        await box.Page.RouteAsync("**/search?**", async route =>
        {
            var response = await route.FetchAsync();
            var answer = JsonNode.Parse(await response.TextAsync())!.AsObject();
            if (route.Request.Url.Contains("q=terorism"))
                answer["didYouMean"] = "terrorism";
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = answer.ToJsonString() });
        });
        var didYouMean = box.Page.Locator("search-box [part~=did-you-mean]");

        await box.TypeAsync("terorism");
        await Expect(didYouMean).ToHaveTextAsync("Did you mean terrorism?");
        await didYouMean.Locator("button").ClickAsync();

        await Expect(box.Input).ToHaveValueAsync("terrorism");
        await Expect(didYouMean).ToBeHiddenAsync();
        await Expect(box.Marks.First).ToBeVisibleAsync();
        await box.Page.Context.CloseAsync();
    }
}
