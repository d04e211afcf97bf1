using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Two real indexes of like articles, one ten times the other, each merged to one segment so they differ only in size.</summary>
public sealed class LookupIndexes : IDisposable
{
    public const int ParagraphsPerArticle = 5;
    public const int SmallArticles = 200;

    public TestIndex Small { get; } = Filled(SmallArticles);
    public TestIndex Large { get; } = Filled(SmallArticles * 10);

    public static string IdOf(int article) => $"article-{article:D5}";

    private static TestIndex Filled(int articles)
    {
        var index = new TestIndex();
        var generation = 0L;
        for (var n = 0; n < articles; n++)
        {
            var paragraphs = Enumerable.Range(1, ParagraphsPerArticle).Select(p => $"Paragraph {p} of article {n} about wheat exports.").ToList();
            var facets = new ArticleFacets(ParagraphFacets.Empty, paragraphs.Select(_ => ParagraphFacets.Empty).ToList());
            generation = index.Index.ReplaceArticle(new Article(IdOf(n), $"Article {n}", paragraphs), facets, null);
        }
        Assert.True(index.Index.WaitForGeneration(generation, TimeSpan.FromSeconds(60)));
        index.Index.MergeDown();
        return index;
    }

    public void Dispose()
    {
        Small.Dispose();
        Large.Dispose();
    }
}
