using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// A real index whose Lucene files are kept in memory (its folder, for the process lock, in a temp folder), with helpers
/// to add articles and wait until they are searchable.
/// </summary>
public sealed class TestIndex : IDisposable
{
    /// <summary>
    /// How long a test waits for a write to become searchable: far past the ~1 s refresh, because a shared 2-core machine
    /// under load has taken over 10 s; a write that never becomes searchable still fails.
    /// </summary>
    public static readonly TimeSpan SearchableWithin = TimeSpan.FromMinutes(1);

    private readonly TempDirectory folder = new();

    /// <param name="queryBudget">How long one search may run; null: the service's default.</param>
    /// <param name="searchers">Makes the index's searchers (then <paramref name="queryBudget"/> is not used); null: the service's.</param>
    public TestIndex(TimeSpan? queryBudget = null, SearcherProvider? searchers = null) =>
        Index = new SearchIndex(folder.Path, NullLogger<SearchIndex>.Instance, searchers ?? SearcherSetup.Create(queryBudget ?? SearchIndex.DefaultQueryBudget),
            _ => new RAMDirectory());

    public SearchIndex Index { get; }

    /// <summary>Adds an article whose paragraphs carry the given facets (one entry per paragraph), and waits until it is searchable.</summary>
    public TestIndex Add(Article article, params ParagraphFacets[] paragraphFacets)
    {
        var facets = new ArticleFacets(ParagraphFacets.Empty,
            article.Paragraphs.Select((_, i) => i < paragraphFacets.Length ? paragraphFacets[i] : ParagraphFacets.Empty).ToList());
        Assert.True(Index.WaitForGeneration(Index.ReplaceArticle(article, facets, null), SearchableWithin));
        return this;
    }

    /// <summary>Enclosing regions for <see cref="ArticleFacets.RegionAncestors"/>: Pakistan and India in South Asia in Asia, Russia in Europe.</summary>
    public static Dictionary<string, IReadOnlyList<string>> RegionAncestors() => new()
    {
        ["Pakistan"] = ["South Asia", "Asia"],
        ["India"] = ["South Asia", "Asia"],
        ["Russia"] = ["Europe"],
    };

    public static ParagraphFacets FacetsOf(string[]? region = null, string[]? topic = null, string[]? speaker = null) =>
        new(region ?? [], topic ?? [], speaker ?? []);

    public void Dispose()
    {
        Index.Dispose();
        folder.Dispose();
    }
}
