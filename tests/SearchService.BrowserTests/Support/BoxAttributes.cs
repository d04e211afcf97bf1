namespace SearchService.BrowserTests.Support;

/// <summary>The attributes a test puts on the embedded box (<see cref="BrowserFixture.OpenHostPageAsync"/>), by name.</summary>
public static class BoxAttributes
{
    public static Dictionary<string, string> Of(params (string Name, string Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);
}
