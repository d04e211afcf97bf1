using System.Text.RegularExpressions;
using SearchService.Core.Alerts;
using SearchService.Core.Corpus;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// Alerts as a monitoring desk saves them, each hitting rarely: half two- or three-word phrases and half names (two or
/// three capitalised words, not opening a sentence), each copied from a random paragraph of the whole collection
/// (<c>alerts --alert-set rare</c>), every word of it (a three-word phrase's middle word aside, "bank of england") in
/// fewer than <see cref="MostParagraphsShare"/> of the collection's paragraphs.
/// </summary>
public static partial class RareAlerts
{
    /// <summary>The largest share of the collection's paragraphs an alert's word may occur in.</summary>
    public const double MostParagraphsShare = 0.005;

    public static List<Alert> Draw(IReadOnlyList<Article> collection, int count, int seed)
    {
        var paragraphs = collection.SelectMany(a => a.Paragraphs).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            foreach (var word in Word().Matches(paragraph).Select(m => m.Value.ToLowerInvariant()).Distinct())
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }
        var most = MostParagraphsShare * paragraphs.Count;
        bool Rare(string word) => frequency.GetValueOrDefault(word.ToLowerInvariant()) < most;

        var random = new Random(seed);
        var created = DateTimeOffset.UtcNow;
        var drawn = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (drawn.Count < count)
        {
            var text = paragraphs[random.Next(paragraphs.Count)];
            var found = (drawn.Count % 2 == 0 ? Name() : Phrase(random.Next(2, 4))).Matches(text)
                .Select(m => m.Groups["words"].Value)
                .Where(words => words.Split(' ') is var each && Rare(each[0]) && Rare(each[^1]) && (each.Length == 2 || char.IsLower(each[1][0]) || Rare(each[1])))
                .ToList();
            if (found.Count > 0)
                drawn.Add(found[random.Next(found.Count)]);
        }
        return drawn.Select((words, n) => new Alert($"r{n:D12}", created, new SavedQuery($"\"{words}\""), null)).ToList();
    }

    private static Regex Phrase(int words) => words == 2 ? TwoWords() : ThreeWords();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[a-z,;] (?<words>[A-Z][a-z]{2,}(?: [A-Z][a-z]+){1,2})\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(?<words>[a-z]{4,} [a-z]{4,})\b")]
    private static partial Regex TwoWords();

    [GeneratedRegex(@"\b(?<words>[a-z]{4,} [a-z]{2,} [a-z]{4,})\b")]
    private static partial Regex ThreeWords();
}
