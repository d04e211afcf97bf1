namespace SearchService.Core.Searching;

/// <summary>What the pass over a search's matches found (<see cref="IMatchPass"/>).</summary>
/// <param name="Total">How many paragraphs matched.</param>
/// <param name="TotalArticles">How many articles matched; null with paragraph hits.</param>
/// <param name="Best">The best hits in order, as many as <see cref="RankingPlan.Wanted"/>.</param>
/// <param name="FacetCounts">The facets counted in the pass, by field, in the unit of the hits; the caller disposes them.</param>
/// <param name="Rescoring">A question's new scores, when it was re-scored.</param>
/// <param name="Candidates">With <see cref="RankingPlan.RescoresElsewhere"/>, a question's best paragraphs by their
/// first-stage scores, up to <see cref="QuestionRescorer.Depth"/> (and <see cref="Best"/> also holds the articles of
/// these); empty otherwise.</param>
internal sealed record CollectedHits(
    long Total,
    long? TotalArticles,
    IReadOnlyList<RankedHit> Best,
    IReadOnlyDictionary<string, FacetTally> FacetCounts,
    QuestionRescorer.Rescoring? Rescoring,
    IReadOnlyList<RankedHit> Candidates);
