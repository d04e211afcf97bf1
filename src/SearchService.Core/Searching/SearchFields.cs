using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>Which fields a query word is looked for in, and how much each counts.</summary>
public static class SearchFields
{
    /// <summary>
    /// A word counts as much in the article's headline as in the paragraph: the headline says what the whole article is
    /// about, so a paragraph of an article headlined with the words is likely what is wanted (and with one hit per
    /// article, the headline is the best evidence of which article to show). The paragraph's own text still decides
    /// between paragraphs of one article.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Weighted = [(IndexSchema.Text, 1.0f), (IndexSchema.Title, 1.0f)];
}
