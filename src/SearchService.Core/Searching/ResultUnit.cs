namespace SearchService.Core.Searching;

/// <summary>What one hit (and one facet count) stands for.</summary>
public enum ResultUnit
{
    /// <summary>Every matching paragraph is a hit; counts are in paragraphs.</summary>
    Paragraph,
    /// <summary>One hit per article, its best paragraph; counts are in articles.</summary>
    Article,
}
