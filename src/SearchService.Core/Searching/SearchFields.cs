using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>Which fields a query word is looked for in, and how much each counts.</summary>
public static class SearchFields
{
    /// <summary>The paragraph itself decides; the article title helps a paragraph whose article is about the words.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> Weighted = [(IndexSchema.Text, 1.0f), (IndexSchema.Title, 0.3f)];
}
