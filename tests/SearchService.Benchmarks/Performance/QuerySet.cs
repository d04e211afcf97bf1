using System.Text.RegularExpressions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance;

/// <summary>
/// A fixed, seeded set of queries drawn from the corpus itself: words of middling frequency (so that every query
/// has matches but none matches everything), adjacent word pairs for phrases, and frequent regions for filters.
/// </summary>
public static partial class QuerySet
{
    public static IReadOnlyList<BenchQuery> Create(IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets, int perClass, int seed)
    {
        var random = new Random(seed);
        var paragraphs = articles.SelectMany(a => a.Paragraphs).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
            foreach (var word in Words(paragraph).Distinct())
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
        var middling = documentFrequency.Where(kv => kv.Value is >= 20 and <= 3000).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var regions = facets.SelectMany(f => f.Paragraphs).SelectMany(p => p.Region)
            .GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(20).Select(g => g.Key).ToList();

        string Pick() => middling[random.Next(middling.Count)];
        var queries = new List<BenchQuery>();
        for (var i = 0; i < perClass; i++)
        {
            queries.Add(new BenchQuery(QueryClass.Term, Pick(), null, null));
            queries.Add(new BenchQuery(QueryClass.TwoTermAnd, Pick(), Pick(), null));
            queries.Add(Phrase(paragraphs, documentFrequency, random));
            queries.Add(new BenchQuery(QueryClass.TermRegion, Pick(), null, regions[random.Next(regions.Count)]));
        }
        return queries;
    }

    /// <summary>
    /// Questions as people type them into a search box: "what about" and four to eight consecutive words of a random
    /// paragraph (stop words left out), so each names a real subject of the corpus.
    /// </summary>
    public static IReadOnlyList<BenchQuery> Questions(IReadOnlyList<Article> articles, int count, int seed)
    {
        var random = new Random(seed);
        var paragraphs = articles.SelectMany(a => a.Paragraphs).ToList();
        var questions = new List<BenchQuery>(count);
        while (questions.Count < count)
        {
            var words = Words(paragraphs[random.Next(paragraphs.Count)]).ToList();
            var length = random.Next(4, 9);
            if (words.Count < length)
                continue;
            var at = random.Next(words.Count - length + 1);
            questions.Add(new BenchQuery(QueryClass.Question, "what about " + string.Join(' ', words.Skip(at).Take(length)), null, null));
        }
        return questions;
    }

    private static BenchQuery Phrase(List<string> paragraphs, Dictionary<string, int> documentFrequency, Random random)
    {
        while (true)
        {
            var words = Words(paragraphs[random.Next(paragraphs.Count)]).ToList();
            for (var tries = 0; tries < 10 && words.Count > 1; tries++)
            {
                var at = random.Next(words.Count - 1);
                if (documentFrequency[words[at]] >= 20 && documentFrequency[words[at + 1]] >= 20)
                    return new BenchQuery(QueryClass.Phrase, words[at], words[at + 1], null);
            }
        }
    }

    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => !StopWords.Contains(w));

    private static readonly HashSet<string> StopWords =
        ["that", "with", "this", "from", "they", "will", "have", "their", "there", "were", "said", "which", "been", "than", "into", "such", "then", "them", "these", "would", "could"];

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    private static partial Regex Word();
}
