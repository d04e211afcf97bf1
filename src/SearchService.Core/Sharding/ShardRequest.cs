using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// A search as each shard is asked it: the request, the spelling corrections the gatherer made from every shard's
/// words (a shard alone would correct from its own), and how deep the gatherer re-ranks by meaning. Every shard parses
/// it into the same query.
/// </summary>
/// <param name="After">A cursor walk's place: each shard gives only its hits after the cursor's last one (the order's
/// tie-break makes "after" exact); null: from the first hit.</param>
public sealed record ShardRequest(SearchRequest Search, IReadOnlyList<SpellingCorrection> Corrections, int SemanticDepth, SearchCursor? After = null);
