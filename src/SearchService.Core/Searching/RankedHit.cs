namespace SearchService.Core.Searching;

/// <summary>One of a search's best hits before it is fetched, in either unit of hits.</summary>
/// <param name="Doc">The paragraph shown (an article's best), as a document number in the whole index.</param>
/// <param name="Score">Its score; null when hits are not ranked (no query).</param>
/// <param name="OtherMatches">With one hit per article, how many more of its paragraphs match; null with paragraph hits.</param>
/// <param name="Pinned">Shown first because an editor pinned its article for the query (<see cref="PinnedResults"/>).</param>
internal sealed record RankedHit(int Doc, float? Score, int? OtherMatches, bool Pinned = false);
