namespace SearchService.Tests.TestSupport;

/// <summary>
/// Distinct made-up words starting with w (w000000, w000001, …), a thousand to a paragraph: a pattern over all of them
/// takes milliseconds to enumerate, far past a 1 ms budget.
/// </summary>
public static class ManyWords
{
    private const int PerParagraph = 1_000;

    /// <summary>The first <paramref name="words"/> words (a multiple of a thousand), a thousand to a paragraph.</summary>
    public static IReadOnlyList<string> Paragraphs(int words) =>
        Enumerable.Range(0, words / PerParagraph)
            .Select(p => string.Join(' ', Enumerable.Range(p * PerParagraph, PerParagraph).Select(i => $"w{i:D6}")))
            .ToList();
}
