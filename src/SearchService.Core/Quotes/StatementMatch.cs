namespace SearchService.Core.Quotes;

/// <summary>
/// A statement a shard found, not yet read (<see cref="StatementSearch.Matches"/>): what orders it among the
/// statements of other shards (<see cref="StatementSearch.Order"/>) and what finds it again in a later call, whatever
/// reader that call reads (<see cref="StatementSearch.Fetch"/>).
/// </summary>
/// <param name="Start">Where it begins in its paragraph: statements of one paragraph apart.</param>
/// <param name="DateTicks">Its publication time in UTC ticks (0: undated), as the date's doc values hold it.</param>
/// <param name="Score">Its score with the whole index's figures; null without words.</param>
public sealed record StatementMatch(string ArticleId, int Paragraph, int Start, long DateTicks, float? Score);
