using Microsoft.Playwright;

namespace SearchService.BrowserTests.Support;

/// <summary>The parts of an embedded &lt;search-box&gt; (Playwright's CSS locators reach into its open shadow root).</summary>
public sealed class SearchBoxPage(IPage page)
{
    public IPage Page => page;

    public ILocator Input => page.Locator("search-box input[type=search]");

    public ILocator Results => page.Locator("search-box [part~=result]");

    public ILocator Snippets => page.Locator("search-box [part~=result-snippet]");

    public ILocator Marks => page.Locator("search-box [part~=result-snippet] mark");

    public ILocator Status => page.Locator("search-box [part~=status]");

    public ILocator Empty => page.Locator("search-box [part~=empty]");

    public ILocator Error => page.Locator("search-box [part~=error]");

    public ILocator Suggestions => page.Locator("search-box [part~=suggestion]");

    public ILocator QuoteTexts => page.Locator("search-box [part~=quote-text]");

    public ILocator QuoteMetas => page.Locator("search-box [part~=quote-meta]");

    /// <summary>The mode tab named <paramref name="name"/> ("Articles", "Quotes").</summary>
    public ILocator Tab(string name) => page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name, Exact = true });

    /// <summary>The "statements" button beside the speaker facet's value <paramref name="speaker"/>.</summary>
    public ILocator StatementsOf(string speaker) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Statements by {speaker}", Exact = true });

    /// <summary>The "Related" disclosure of the <paramref name="index"/>th result, and the links it lists once opened.</summary>
    public ILocator RelatedToggle(int index) => Results.Nth(index).Locator("[part~=related-toggle]");

    public ILocator RelatedLinks(int index) => Results.Nth(index).Locator("[part~=related-article] a");

    public ILocator FacetValue(string facet, string value) =>
        page.Locator($"search-box fieldset[data-facet=\"{facet}\"] label").Filter(new LocatorFilterOptions { HasText = value }).Locator("input");

    /// <summary>The title of the facet group of <paramref name="facet"/> ("region", "fields.desk").</summary>
    public ILocator FacetTitle(string facet) => page.Locator($"search-box fieldset[data-facet=\"{facet}\"] legend");

    public async Task TypeAsync(string text)
    {
        await Input.ClickAsync();
        await Input.PressSequentiallyAsync(text);
    }

    /// <summary>Waits for the suggestions to open, then closes them with Escape (a second Escape would clear the box).</summary>
    public async Task CloseSuggestionsAsync()
    {
        await Assertions.Expect(Suggestions.First).ToBeVisibleAsync();
        await Input.PressAsync("Escape");
        await Assertions.Expect(Suggestions.First).ToBeHiddenAsync();
    }

    /// <summary>The status line's count once the search for what is in the box has answered ("3 results.").</summary>
    public static string ResultCount(long total) =>
        total == 1 ? "1 result." : $"{total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} results.";
}
