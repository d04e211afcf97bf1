namespace SearchService.Core.Quotes;

/// <summary>
/// One index's whole answer to a <see cref="QuoteRequest"/> (<see cref="StatementSearch.Run"/>): its matching
/// statements, the request's page read and highlighted, and every value of each facet with its count.
/// </summary>
/// <param name="Counts">Each facet of <see cref="StatementDocuments.FacetFields"/>: every value and its count, each facet counted with every filter but its own.</param>
public sealed record StatementAnswer(long Total, IReadOnlyList<QuoteHit> Hits, Dictionary<string, Dictionary<string, int>> Counts);
