using System.Text.RegularExpressions;
using SearchService.Core.Corpus;
using SearchService.Core.Searching;

namespace SearchService.Tests.Sharding;

/// <summary>
/// Requests of every kind the search box and the API make, drawn with a fixed seed from the articles' own words, facet
/// values and dates: words, phrases, facet filters, multi-select, one hit per article, date ranges, newest first,
/// questions, later pages, typos and no query at all; some words and questions ask for their scores explained.
/// </summary>
public static partial class SeededQueries
{
    /// <summary>The kinds, each drawn as often.</summary>
    public static readonly string[] Kinds =
        ["term", "two terms", "phrase", "facet filter", "multi-select", "collapse=article", "date range", "newest", "question", "paging", "typo", "no query"];

    /// <param name="facetsOf">The facet counts of a request (from one index), to filter a word's matches by values they have.</param>
    public static IReadOnlyList<(string Kind, SearchRequest Request)> Draw(
        IReadOnlyList<Article> articles, Func<SearchRequest, FacetCounts> facetsOf, int perKind, int seed)
    {
        var random = new Random(seed);
        var everything = facetsOf(new SearchRequest(null, FacetSize: 30));
        var dated = articles.Where(a => a.Date is not null).Select(a => a.Date!.Value).ToList();
        var (first, last) = (dated.Min(), dated.Max());
        var requests = new List<(string, SearchRequest)>();
        for (var i = 0; i < perKind; i++)
        {
            foreach (var kind in Kinds)
                requests.Add((kind, RequestOf(kind, i)));
        }
        return requests;

        SearchRequest RequestOf(string kind, int i) => kind switch
        {
            "term" => new SearchRequest(Words(1), Explain: i % 2 == 0),
            "two terms" => new SearchRequest(Words(2)),
            "phrase" => new SearchRequest($"\"{Adjacent()}\""),
            "facet filter" => Filtered(Words(1), (word, facets) => (i % 3) switch
            {
                0 => new SearchRequest(word, Region: [ValueOf(facets.Region)], RegionTree: true),
                1 => new SearchRequest(word, Topic: [ValueOf(facets.Topic)]),
                _ => new SearchRequest(word, Speaker: [ValueOf(facets.Speaker)], Unit: ResultUnit.Article),
            }),
            "multi-select" => Filtered(Words(1), (word, facets) => new SearchRequest(
                word, Region: [ValueOf(facets.Region), ValueOf(facets.Region)], Topic: i % 2 == 0 ? [ValueOf(facets.Topic)] : null, RegionTree: true)),
            "collapse=article" => new SearchRequest(Words(1 + i % 2), Unit: ResultUnit.Article, RegionTree: i % 2 == 0, DateFacet: DateInterval.Month),
            "date range" => new SearchRequest(Words(1), Dates: Range(), DateFacet: i % 2 == 0 ? DateInterval.Month : DateInterval.Year, Unit: i % 3 == 0 ? ResultUnit.Article : ResultUnit.Paragraph),
            "newest" => new SearchRequest(Words(1), Order: ResultOrder.Date, Unit: i % 2 == 0 ? ResultUnit.Article : ResultUnit.Paragraph),
            "question" => new SearchRequest(Question(), Unit: i % 2 == 0 ? ResultUnit.Article : ResultUnit.Paragraph, Page: 1 + i % 3, Explain: i % 3 == 0),
            "paging" => new SearchRequest(Words(1), Page: 2 + i % 3, PageSize: 5 + i % 10, Unit: i % 2 == 0 ? ResultUnit.Article : ResultUnit.Paragraph),
            "typo" => new SearchRequest(Typo()),
            "no query" => new SearchRequest(null, Region: [ValueOf(everything.Region)], DateFacet: DateInterval.Month, RegionTree: true, Unit: i % 2 == 0 ? ResultUnit.Article : ResultUnit.Paragraph),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind"),
        };

        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        // A value some matches have, when there is one.
        string ValueOf(IReadOnlyList<FacetValue> values) => values.Count > 0 ? Pick(values).Value : "none";

        // The word's request filtered by values of its own matches' facets.
        SearchRequest Filtered(string word, Func<string, FacetCounts, SearchRequest> filter) =>
            filter(word, facetsOf(new SearchRequest(word, FacetSize: 5)));

        List<string> WordsOfAParagraph(int atLeast)
        {
            while (true)
            {
                var words = Word().Matches(Pick(Pick(articles).Paragraphs)).Select(m => m.Value.ToLowerInvariant()).ToList();
                if (words.Count >= atLeast)
                    return words;
            }
        }

        string Words(int count)
        {
            var words = WordsOfAParagraph(count);
            return string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(words)));
        }

        // Two words that stand next to each other in a paragraph.
        string Adjacent()
        {
            while (true)
            {
                var words = Pick(Pick(articles).Paragraphs).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var pairs = Enumerable.Range(0, Math.Max(0, words.Length - 1))
                    .Where(at => IsWord(words[at]) && IsWord(words[at + 1]))
                    .ToList();
                if (pairs.Count > 0)
                {
                    var at = Pick(pairs);
                    return $"{words[at]} {words[at + 1]}".ToLowerInvariant();
                }
            }
        }

        bool IsWord(string token) => Word().Match(token).Length == token.Length;

        // Five words of a paragraph, in its order, asked about: a question in natural language.
        string Question()
        {
            var words = WordsOfAParagraph(8);
            var picked = Enumerable.Range(0, words.Count).OrderBy(_ => random.Next()).Take(5).Order().Select(at => words[at]);
            return "what did " + string.Join(' ', picked);
        }

        string Typo()
        {
            var word = WordsOfAParagraph(1).Where(w => w.Length >= 6).DefaultIfEmpty("shipping").First();
            var at = 1 + random.Next(word.Length - 2);
            return word.Remove(at, 1);
        }

        DateRange Range()
        {
            var from = first.AddDays(random.Next(Math.Max(1, (int)(last - first).TotalDays)));
            return new DateRange(from, from.AddDays(3 + random.Next(20)));
        }
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Word();
}
