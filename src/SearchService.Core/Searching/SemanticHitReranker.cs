using Lucene.Net.Search;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// The semantic re-ranking stage: the best hits re-ordered by meaning too (<see cref="SemanticReranker"/>) as deep as
/// the plan says, otherwise left as they are. The model reads a hit's headline, which says what the article is about,
/// and its paragraph.
/// </summary>
/// <param name="reranker">Null: this searcher cannot re-rank by meaning, and no plan asks it to.</param>
internal sealed class SemanticHitReranker(SemanticReranker? reranker)
{
    /// <summary>How many hits are re-ranked when a request asks for it; 0: it cannot be asked for.</summary>
    public int Depth => reranker?.Depth ?? 0;

    /// <param name="query">The query as the user typed it.</param>
    public SemanticReranker.Reranking<RankedHit> Rerank(IndexSearcher searcher, string? query, RankingPlan plan, IReadOnlyList<RankedHit> best)
    {
        if (plan.SemanticDepth == 0)
            return SemanticReranker.Reranking<RankedHit>.Unchanged(best);
        return reranker!.Rerank(query!, best, hit =>
        {
            var stored = StoredHitVisitor.Read(searcher, hit.Doc);
            return $"{stored.Title}. {stored.Text}";
        });
    }
}
