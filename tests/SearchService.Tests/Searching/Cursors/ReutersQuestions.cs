using System.Text.RegularExpressions;
using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching.Cursors;

/// <summary>Questions about the articles of <see cref="ReutersCursorIndex"/>, made as the query benchmark makes its questions.</summary>
public static partial class ReutersQuestions
{
    /// <summary>"what about" and four to eight words of a random paragraph of the indexed articles, the same ones on every call.</summary>
    public static IEnumerable<string> Make(int count)
    {
        var random = new Random(1987);
        List<string> paragraphs;
        using (var file = File.OpenRead(ReutersCorpus.Path!))
            paragraphs = JsonlArticleReader.Read(file, ReutersCorpus.Path!, _ => { }).Take(ReutersCursorIndex.Articles).SelectMany(a => a.Paragraphs).ToList();
        for (var made = 0; made < count;)
        {
            var words = Word().Matches(paragraphs[random.Next(paragraphs.Count)]).Select(m => m.Value.ToLowerInvariant()).ToList();
            var length = random.Next(4, 9);
            if (words.Count < length)
                continue;
            var at = random.Next(words.Count - length + 1);
            made++;
            yield return "what about " + string.Join(' ', words.Skip(at).Take(length));
        }
    }

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex Word();
}
