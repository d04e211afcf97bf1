using Microsoft.Playwright;

namespace SearchService.BrowserTests.Support;

/// <summary>Starts the system's Chromium through Playwright, headless and offline (Playwright never downloads a browser here).</summary>
public static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath}. Install Debian's chromium package (.ci/run does), point {PathVariable} at a " +
                $"Chromium binary, or set {BrowserFactAttribute.SkipVariable}=1 to skip the browser tests.");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return (playwright, browser);
        }
        catch (PlaywrightException e)
        {
            playwright.Dispose();
            throw new InvalidOperationException($"Chromium at {ExecutablePath} could not be started: {e.Message}", e);
        }
    }
}
