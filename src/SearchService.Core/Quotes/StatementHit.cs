namespace SearchService.Core.Quotes;

/// <summary>A statement found, with what orders it among the statements of other indexes (<see cref="StatementSearch.Order"/>).</summary>
/// <param name="DateTicks">Its publication time in UTC ticks (0: undated), as the date's doc values hold it.</param>
public sealed record StatementHit(QuoteHit Hit, long DateTicks);
