using SearchService.Core.Corpus;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Facets;

/// <summary>The seed article (../shared/seed beside the repository), read by the corpus reader the indexer uses.</summary>
internal static class SeedArticle
{
    private static readonly Lazy<Article> Cached = new(() =>
        TxtArticleReader.Parse(SharedFiles.SeedFileName, File.ReadAllText(SharedFiles.SeedArticle), out _)!);

    public static Article Article => Cached.Value;

    public static string Paragraph(int number) => Article.Paragraphs[number - 1];
}
