namespace SearchService.Core.Sharding;

/// <summary>A query word the gatherer may correct, as its spelling corrector would look it up.</summary>
/// <param name="Term">The word as indexed in the text field.</param>
/// <param name="RareBelow">It is corrected only when fewer paragraphs than this hold it.</param>
internal sealed record SpellingLookup(string Term, int RareBelow);
