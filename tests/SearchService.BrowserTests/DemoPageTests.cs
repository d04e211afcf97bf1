using Microsoft.Playwright;
using SearchService.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace SearchService.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DemoPageTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task The_demo_page_shows_the_box_and_the_two_lines_to_copy_at_desktop_and_phone_widths()
    {
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 860), ("phone", 390, 844) })
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(fixture.Api.Address.ToString());
            var box = new SearchBoxPage(page);
            await Expect(page.Locator("pre")).ToContainTextAsync($"<search-box endpoint=\"{fixture.Api.Address.GetLeftPart(UriPartial.Authority)}\"></search-box>");

            await box.TypeAsync("terrorism");
            await Expect(box.Results.First).ToBeVisibleAsync();
            await box.Input.PressAsync("Escape"); // close the suggestions for the picture

            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"The demo page scrolls sideways at {width} px.");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath($"demo-{name}.png"), FullPage = false });
            await context.CloseAsync();
        }
    }

    /// <summary>Screenshots are test artifacts, kept in TestResults/screenshots at the repository root.</summary>
    private static string ScreenshotPath(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }
}
