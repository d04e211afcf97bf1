using System.Text.RegularExpressions;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// Alerts as a monitoring desk saves them, each hitting rarely: half two- or three-word phrases and half names (two or
/// three capitalised words, not opening a sentence), each copied from a random paragraph of the whole collection
/// (<c>alerts --alert-set rare</c>), so most hit a few paragraphs of it and many none of a shorter pass.
/// </summary>
public static partial class RareAlerts
{
    public static List<Alert> Draw(IReadOnlyList<Article> collection, int count, int seed)
    {
        var random = new Random(seed);
        var created = DateTimeOffset.UtcNow;
        var drawn = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (drawn.Count < count)
        {
            var article = collection[random.Next(collection.Count)];
            if (article.Paragraphs.Count == 0)
                continue;
            var text = article.Paragraphs[random.Next(article.Paragraphs.Count)];
            var found = (drawn.Count % 2 == 0 ? Name() : Phrase(random.Next(2, 4))).Matches(text);
            if (found.Count > 0)
                drawn.Add(found[random.Next(found.Count)].Groups["words"].Value);
        }
        return drawn.Select((words, n) => new Alert($"r{n:D12}", created, new SavedQuery($"\"{words}\""), null)).ToList();
    }

    private static Regex Phrase(int words) => words == 2 ? TwoWords() : ThreeWords();

    [GeneratedRegex(@"[a-z,;] (?<words>[A-Z][a-z]{2,}(?: [A-Z][a-z]+){1,2})\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(?<words>[a-z]{4,} [a-z]{4,})\b")]
    private static partial Regex TwoWords();

    [GeneratedRegex(@"\b(?<words>[a-z]{4,} [a-z]{2,} [a-z]{4,})\b")]
    private static partial Regex ThreeWords();
}
