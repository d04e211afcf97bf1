using SearchService.Core.Corpus;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// Statements costly to search: many, each with the word <see cref="Word"/>, and a query of that word repeated to q's
/// longest (<see cref="Query"/>). Every repetition is a required clause of its own, so the search reads each statement's
/// postings 250 times over, for each of its five collections (the hits and four facets): far past a 1 ms budget, which
/// a collection's timer (20 ms ticks) sees.
/// </summary>
public static class CostlyStatements
{
    public const string Word = "oil";

    /// <summary>"oil" 250 times: 999 characters, within q's 1,000.</summary>
    public static readonly string Query = string.Join(' ', Enumerable.Repeat(Word, 250));

    /// <summary>The speaker every statement is attributed to.</summary>
    public const string Speaker = "Foreign Office";

    /// <summary>How many articles <see cref="Articles"/> gives, of a hundred statements each.</summary>
    public const int ArticleCount = 200;

    /// <summary><see cref="ArticleCount"/> articles of a hundred paragraphs, each one statement.</summary>
    public static IReadOnlyList<Article> Articles() =>
        Enumerable.Range(0, ArticleCount)
            .Select(a => new Article($"statements-{a}", "Statements",
                Enumerable.Range(0, 100).Select(p => $"Oil output will rise by {a * 100 + p} barrels a day, the {Speaker} said.").ToList()))
            .ToList();

    /// <summary>Writes <see cref="Articles"/> to <paramref name="index"/> with the statements the service extracts, and waits until they are searchable.</summary>
    public static void AddTo(TestIndex index)
    {
        foreach (var article in Articles())
            index.Index.ReplaceArticle(article, Facets.Facets.Extractor.Extract(article), null);
        Assert.True(index.Index.WaitUntilSearchable(TestIndex.SearchableWithin));
    }
}
