namespace SearchService.Core.Quotes;

/// <summary>
/// One index's answer to a <see cref="QuoteRequest"/> (a single node's whole statement index, or one shard's): its
/// matching statements, its best in <see cref="StatementSearch.Order"/>, and every value of each facet with its count
/// (not only the top ones), so that answers of several indexes add up exactly. Plain data, to cross between shard and gatherer.
/// </summary>
/// <param name="Counts">Each facet of <see cref="StatementDocuments.FacetFields"/>: every value and its count, each facet counted with every filter but its own.</param>
public sealed record StatementAnswer(long Total, IReadOnlyList<StatementHit> Hits, Dictionary<string, Dictionary<string, int>> Counts);
