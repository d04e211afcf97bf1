using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>How one search ranks its hits, decided once from the request and its parsed query for every stage.</summary>
/// <param name="Parsed">The parsed query; null without one (every paragraph matches, newest first).</param>
/// <param name="ByScore">Best first; otherwise newest first.</param>
/// <param name="Wanted">How many of the best hits are put in order: the pages up to the one asked for, or more to re-rank by meaning.</param>
/// <param name="SemanticDepth">How many of the best hits are re-ranked by meaning (0: none).</param>
/// <param name="RescoresElsewhere">A question's first-stage best matches are left as they are, for the gatherer of several
/// shards to re-score once over all of them (<see cref="CollectedHits.Candidates"/>).</param>
/// <param name="After">Only hits after this cursor's last one are wanted (<see cref="CursorPaging"/>); null: from the first.</param>
internal sealed record RankingPlan(ParsedQuery? Parsed, bool ByScore, int Wanted, int SemanticDepth, bool RescoresElsewhere = false, SearchCursor? After = null)
{
    /// <summary>How scores decay with age; only when hits are in order of relevance (newest first needs none).</summary>
    public RecencyDecay? Recency { get; init; }

    /// <summary>The matches to collect: <paramref name="matches"/>, their scores decayed when the plan has a <see cref="Recency"/>.</summary>
    public Query Scored(Query matches) => Recency?.Over(matches) ?? matches;

    /// <summary>Whether hits have scores: only a query scores them.</summary>
    public bool Ranked => Parsed is not null;

    /// <summary>A question's best matches are re-scored when hits are in order of relevance; newest first, nothing to re-score.</summary>
    public bool RescoresQuestion => Parsed is { IsQuestion: true } && ByScore;

    /// <param name="semanticDepth">How deep this searcher re-ranks by meaning when asked to (0: it cannot).</param>
    /// <param name="after">Where a cursor walk stands; null: none.</param>
    public static RankingPlan For(SearchRequest request, ParsedQuery? parsed, int semanticDepth, SearchCursor? after = null)
    {
        var byScore = parsed is not null && request.Order == ResultOrder.Relevance;
        var depth = request.SemanticRerank && byScore ? semanticDepth : 0;
        // A cursor's page leaves the pinned hits out (the first page showed them), so it collects that many more.
        var wanted = after is null ? request.Page * request.PageSize : request.PageSize + (request.Pinned?.Count ?? 0);
        return new RankingPlan(parsed, byScore, Math.Max(wanted, depth), depth, After: after)
        {
            Recency = byScore ? request.Recency : null,
        };
    }
}
