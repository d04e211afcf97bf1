namespace SearchService.Core.Quotes;

/// <summary>
/// A shard's query phase answer to a <see cref="QuoteRequest"/> (<see cref="StatementSearch.Matches"/>): its matching
/// statements, the keys of its best up to the page asked for, and every value of each facet with its count (not only
/// the top ones), so that the answers of several shards add up exactly. Plain data, to cross between shard and gatherer.
/// </summary>
/// <param name="Best">In <see cref="StatementSearch.Order"/>.</param>
/// <param name="Counts">Each facet of <see cref="StatementDocuments.FacetFields"/>: every value and its count, each facet counted with every filter but its own.</param>
public sealed record StatementMatches(long Total, IReadOnlyList<StatementMatch> Best, Dictionary<string, Dictionary<string, int>> Counts);
