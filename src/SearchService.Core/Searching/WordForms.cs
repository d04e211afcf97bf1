namespace SearchService.Core.Searching;

/// <summary>
/// Derived forms that Porter stemming leaves apart but a reader takes as one subject: the believer and the belief
/// ("terrorist" ↔ "terrorism", "extremist" ↔ "extremism", "journalist" ↔ "journalism").
/// </summary>
public static class WordForms
{
    private static readonly (string Suffix, string Other)[] Pairs = [("ists", "ism"), ("ist", "ism"), ("ism", "ist")];

    /// <summary>The other forms of <paramref name="word"/>, as words to analyse.</summary>
    public static IEnumerable<string> Of(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var (suffix, other) in Pairs)
        {
            if (lower.Length > suffix.Length + 3 && lower.EndsWith(suffix, StringComparison.Ordinal))
                return [lower[..^suffix.Length] + other];
        }
        return [];
    }
}
