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
        var sample = index.Search(Sample);
        if (sample is null)
            return 0;
        var (words, region) = sample.Value;
        var (first, second) = (words[0], words[1]);
        var requests = new[]
        {
            new SearchRequest(first),
            new SearchRequest($"{first} {second}"),
            new SearchRequest($"\"{first} {second}\""),
            new SearchRequest(first, Region: region is null ? null : [region]),
            new SearchRequest(first, Unit: ResultUnit.Article),
            new SearchRequest($"what about {string.Join(' ', words)}"),
        };
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

    /// <summary>The commonest shape of search, one word of the index's first paragraph; null when the index has too few words.</summary>
    public static SearchRequest? FirstRequest(SearchIndex index) => index.Search(Sample) is { } sample ? new SearchRequest(sample.Words[0]) : null;

    /// <summary>Two to six words and a region of the index's first paragraph, or null when it has fewer words.</summary>
    private static (IReadOnlyList<string> Words, string? Region)? Sample(Lucene.Net.Search.IndexSearcher searcher)
    {
        if (searcher.IndexReader.NumDocs == 0)
            return null;
        var stored = StoredHitVisitor.Read(searcher, 0);
        var words = Word().Matches(stored.Text).Select(m => m.Value).Take(6).ToList();
        return words.Count >= 2 ? (words, stored.Region.FirstOrDefault()) : null;
    }

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex Word();
}
