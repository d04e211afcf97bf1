using SearchService.Core.Corpus;

namespace SearchService.Tests.TestSupport;

/// <summary>Small real-looking articles for storage tests, every field set.</summary>
public static class NewsArticles
{
    public static Article Cocoa(string id, string title = "Bahia cocoa review") => new(
        id,
        title,
        [
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January.",
            "The dry period means the temporao will be late this year.",
        ],
        new DateTimeOffset(1987, 2, 26, 15, 1, 1, TimeSpan.Zero),
        Byline: "Comissaria Smith desk",
        Dateline: "SALVADOR, Feb 26",
        Source: "Reuters");
}
