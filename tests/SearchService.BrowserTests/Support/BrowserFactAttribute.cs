namespace SearchService.BrowserTests.Support;

/// <summary>
/// A test that needs Chromium. It runs unless SEARCHSERVICE_SKIP_BROWSER_TESTS=1 is set: the one, explicit way to skip
/// these tests on a machine without a browser. Without that switch, a missing browser fails the test.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string SkipVariable = "SEARCHSERVICE_SKIP_BROWSER_TESTS";

    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
            Skip = $"Browser tests skipped: {SkipVariable}=1.";
    }
}
