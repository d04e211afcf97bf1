using System.Text.RegularExpressions;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Runs a few dozen searches of every shape (word, words, phrase, facet filter, one hit per article, question, no query) with
/// words from the index itself, so that the first users after a start do not wait for the JIT to reach optimised code: measured
/// without it, the first queries after start-up took about four times as long as later ones. Then it builds the
/// in-memory facet ordinals of the index as it was at start-up (<see cref="SegmentOrdinals"/>).
/// </summary>
public static partial class SearchWarmUp
{
    private const int Rounds = 40;

    /// <returns>How many searches ran (none when the index is empty).</returns>
    public static int Run(SearchIndex index, ParagraphSearcher searcher, CancellationToken cancellation)
    {
        if (index.Search(Sample) is not { } requests)
            return 0;
        // Newest first without a query goes over every paragraph: a few rounds are enough, the code is the same.
        searcher.Search(new SearchRequest(null));
        var searches = 1;
        for (var round = 0; round < Rounds && !cancellation.IsCancellationRequested; round++)
        {
            foreach (var request in requests)
            {
                searcher.Search(request);
                searches++;
            }
        }
        if (!cancellation.IsCancellationRequested)
            SearcherSetup.PrepareFacetCounting(index);
        return searches;
    }

    /// <summary>
    /// One search of every shape with words of <paramref name="text"/> (a paragraph) and <paramref name="region"/> (one of
    /// its regions); null when the paragraph has fewer than two words of four letters or more.
    /// </summary>
    public static IReadOnlyList<SearchRequest>? Shapes(string text, string? region)
    {
        var words = Word().Matches(text).Select(m => m.Value).Take(6).ToList();
        if (words.Count < 2)
            return null;
        var (first, second) = (words[0], words[1]);
        return
        [
            new SearchRequest(first),
            new SearchRequest($"{first} {second}"),
            new SearchRequest($"\"{first} {second}\""),
            new SearchRequest(first, Region: region is null ? null : [region]),
            new SearchRequest(first, Unit: ResultUnit.Article),
            new SearchRequest($"what about {string.Join(' ', words)}"),
        ];
    }

    /// <summary>The commonest shape of search, one word of the index's first paragraph; null when the index has too few words.</summary>
    public static SearchRequest? FirstRequest(SearchIndex index) => index.Search(Sample) is { } requests ? requests[0] : null;

    /// <summary>Every shape of search with words and a region of the index's first paragraph, or null when it has too few words.</summary>
    private static IReadOnlyList<SearchRequest>? Sample(Lucene.Net.Search.IndexSearcher searcher)
    {
        if (searcher.IndexReader.NumDocs == 0)
            return null;
        var stored = StoredHitVisitor.Read(searcher, 0);
        return Shapes(stored.Text, stored.Region.FirstOrDefault());
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Word();
}
