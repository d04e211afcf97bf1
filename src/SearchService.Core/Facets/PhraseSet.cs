namespace SearchService.Core.Facets;

/// <summary>Words and multi-word phrases matched against tokens ignoring case, longest first ("pointed out", "met with").</summary>
public sealed class PhraseSet
{
    private readonly Dictionary<string, string[][]> byFirstToken;
    private readonly HashSet<string> words; // the one-word phrases, which Contains asks about for nearly every token

    private PhraseSet(IEnumerable<string> phrases)
    {
        byFirstToken = phrases
            .Select(p => TextTokens.Tokenize(p).Select(t => t.Text).ToArray())
            .Where(p => p.Length > 0)
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        words = byFirstToken.Values.SelectMany(p => p).Where(p => p.Length == 1).Select(p => p[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static PhraseSet Of(IEnumerable<string> phrases) => new(phrases);

    /// <summary>The single word is in the set.</summary>
    public bool Contains(string word) => words.Contains(word);

    /// <summary>Length in tokens of the longest phrase starting at <paramref name="start"/>; 0 when none does.</summary>
    public int MatchAt(IReadOnlyList<Token> tokens, int start)
    {
        if (start < 0 || start >= tokens.Count || !byFirstToken.TryGetValue(tokens[start].Text, out var phrases))
            return 0;
        foreach (var p in phrases)
        {
            if (start + p.Length > tokens.Count)
                continue;
            var k = 1;
            while (k < p.Length && string.Equals(tokens[start + k].Text, p[k], StringComparison.OrdinalIgnoreCase))
                k++;
            if (k == p.Length)
                return p.Length;
        }
        return 0;
    }
}
