using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Looking an article up by id over real indexes: what comes back, and that its cost does not grow with the index.</summary>
public sealed class ArticleLookupTests(LookupIndexes indexes) : IClassFixture<LookupIndexes>
{
    /// <summary>
    /// Allowed growth of a lookup's allocations from the small index to the one ten times its size. Collecting the top
    /// MaxDoc hits grew by about 12 bytes per document of the index (over 100 KB here); a term lookup not at all.
    /// </summary>
    private const long AllowedGrowthBytes = 2048;

    [Fact]
    public void A_present_article_comes_back_with_its_paragraphs_in_order()
    {
        var article = new ArticleLookup(indexes.Large.Index).Find(LookupIndexes.IdOf(1234));

        Assert.NotNull(article);
        Assert.Equal("Article 1234", article.Title);
        Assert.Equal(Enumerable.Range(1, LookupIndexes.ParagraphsPerArticle), article.Paragraphs.Select(p => p.Paragraph));
        Assert.Equal("Paragraph 3 of article 1234 about wheat exports.", article.Paragraphs[2].Text);
        Assert.Equal($"{LookupIndexes.IdOf(1234)}#3", article.Paragraphs[2].Id);
    }

    [Fact]
    public void A_missing_article_is_null()
    {
        Assert.Null(new ArticleLookup(indexes.Large.Index).Find("no-such-article"));
    }

    [Fact]
    public void A_replaced_article_has_only_its_new_paragraphs()
    {
        using var index = new TestIndex()
            .Add(new Article("replaced", "Old title", ["Old one.", "Old two.", "Old three."]))
            .Add(new Article("replaced", "New title", ["New one.", "New two."]));

        var article = new ArticleLookup(index.Index).Find("replaced");

        Assert.NotNull(article);
        Assert.Equal("New title", article.Title);
        Assert.Equal(["New one.", "New two."], article.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Looking_up_a_missing_id_allocates_no_more_in_an_index_ten_times_larger()
    {
        var small = BytesAllocatedToFind(indexes.Small, "no-such-article");
        var large = BytesAllocatedToFind(indexes.Large, "no-such-article");

        Assert.True(large <= small + AllowedGrowthBytes, $"{small} bytes on the small index, {large} on the large one");
    }

    [Fact]
    public void Looking_up_a_present_id_allocates_no_more_in_an_index_ten_times_larger()
    {
        var id = LookupIndexes.IdOf(LookupIndexes.SmallArticles / 2); // in both indexes
        var small = BytesAllocatedToFind(indexes.Small, id);
        var large = BytesAllocatedToFind(indexes.Large, id);

        Assert.True(large <= small + AllowedGrowthBytes, $"{small} bytes on the small index, {large} on the large one");
    }

    /// <summary>Bytes allocated by one lookup, after one unmeasured lookup (so compiling and first-use caches are not counted).</summary>
    private static long BytesAllocatedToFind(TestIndex index, string id)
    {
        var lookup = new ArticleLookup(index.Index);
        lookup.Find(id);
        var before = GC.GetAllocatedBytesForCurrentThread();
        lookup.Find(id);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
