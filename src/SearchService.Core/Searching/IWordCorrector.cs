namespace SearchService.Core.Searching;

/// <summary>
/// Decides what a query word the index may not know is searched as: <see cref="SpellingCorrector"/> over a vocabulary,
/// or on a shard the corrections its gatherer already made over every shard's.
/// </summary>
public interface IWordCorrector
{
    /// <summary>The indexed term (text field) to search instead of <paramref name="term"/>, or null when it looks right.</summary>
    /// <param name="rareBelow">Only a term in fewer paragraphs than this is corrected.</param>
    string? Correct(string term, int rareBelow);
}
