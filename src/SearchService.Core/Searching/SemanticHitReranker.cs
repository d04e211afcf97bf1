using Lucene.Net.Search;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// The semantic re-ranking stage: the best hits re-ordered by meaning too (<see cref="SemanticReranker"/>) as deep as
/// the plan says, otherwise left as they are. The model reads a hit's headline, which says what the article is about,
/// and its paragraph (<see cref="Passage"/>).
/// </summary>
/// <param name="reranker">Null: this searcher cannot re-rank by meaning, and no plan asks it to.</param>
internal sealed class SemanticHitReranker(SemanticReranker? reranker)
{
    /// <summary>How many hits are re-ranked when a request asks for it; 0: it cannot be asked for.</summary>
    public int Depth => reranker?.Depth ?? 0;

    /// <param name="query">The query as the user typed it.</param>
    /// <param name="passage">The text of a hit the model reads (<see cref="Passage"/>).</param>
    public SemanticReranker.Reranking<THit> Rerank<THit>(string? query, RankingPlan plan, IReadOnlyList<THit> best, Func<THit, string> passage)
        where THit : notnull =>
        plan.SemanticDepth == 0
            ? SemanticReranker.Reranking<THit>.Unchanged(best)
            : reranker!.Rerank(query!, best, passage);

    /// <summary>What the model reads of a paragraph: its headline and its text.</summary>
    public static string Passage(IndexSearcher searcher, int doc)
    {
        var stored = StoredHitVisitor.Read(searcher, doc);
        return $"{stored.Title}. {stored.Text}";
    }
}
