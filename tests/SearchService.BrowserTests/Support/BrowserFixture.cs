using Microsoft.Playwright;

namespace SearchService.BrowserTests.Support;

/// <summary>One API, one host page on another origin and one Chromium, shared by the browser tests; each test opens its own page.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright playwright = null!;

    public WidgetApi Api { get; private set; } = null!;

    public HostPage Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(BrowserFactAttribute.SkipVariable) == "1")
            return;
        (playwright, Browser) = await Chromium.LaunchAsync();
        Api = await WidgetApi.StartAsync();
        Host = await HostPage.StartAsync();
    }

    /// <summary>
    /// A fresh page (own cookies and cache) showing the host page with the box embedded, pointed at <paramref name="api"/>,
    /// with <paramref name="attributes"/> on the box and <paramref name="boxState"/> in the page's address (<see cref="HostPage.EmbedUrl"/>).
    /// </summary>
    public async Task<IPage> OpenHostPageAsync(
        WidgetApi? api = null, int width = 1100, IReadOnlyDictionary<string, string>? attributes = null, string? boxState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => throw new InvalidOperationException($"A dialog opened: {dialog.Message}");
        await page.GotoAsync(Host.EmbedUrl((api ?? Api).Address, attributes, boxState));
        await page.Locator("search-box input[type=search]").WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Host is not null)
            await Host.DisposeAsync();
        if (Api is not null)
            await Api.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
