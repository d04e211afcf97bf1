using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// The fetch-and-highlight stage: the hits of the page asked for, read from the stored fields, with their paragraph and
/// headline highlighted and, when asked for, their scores explained.
/// </summary>
internal sealed class HitFetcher(SnippetHighlighter highlighter)
{
    /// <param name="searched">The query the hits matched, with every filter.</param>
    /// <param name="rescoring">A question's new scores, explained by the query of both stages.</param>
    /// <param name="ordered">The best hits in their final order, and where re-ranking by meaning put them.</param>
    public IReadOnlyList<SearchHit> Fetch(
        IndexSearcher searcher, Query searched, SearchRequest request, RankingPlan plan, QuestionRescorer.Rescoring? rescoring,
        SemanticReranker.Reranking<RankedHit> ordered)
    {
        var text = highlighter.For(plan.Parsed?.Query);
        var title = highlighter.For(plan.Parsed?.Query, IndexSchema.Title);
        return ordered.Order
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(hit =>
            {
                var stored = StoredHitVisitor.Read(searcher, hit.Doc);
                var explanation = request.Explain && plan.Ranked
                    ? Explanation(searcher, searched, rescoring, hit.Doc) with { Semantic = ordered.Places.GetValueOrDefault(hit) }
                    : null;
                return new SearchHit(
                    Article.ParagraphId(stored.ArticleId, stored.Paragraph),
                    stored.ArticleId,
                    stored.Paragraph,
                    stored.Title,
                    stored.Date,
                    stored.Source,
                    hit.Score,
                    text(stored.Text),
                    title(stored.Title),
                    stored.Text,
                    stored.Region,
                    stored.Topic,
                    stored.Speaker,
                    hit.OtherMatches,
                    explanation);
            })
            .ToList();
    }

    /// <summary>A question's re-scored hit is explained by the query of both stages, any other by the query searched.</summary>
    private static HitExplanation Explanation(IndexSearcher searcher, Query searched, QuestionRescorer.Rescoring? rescoring, int doc) =>
        rescoring is not null && rescoring.Scores.ContainsKey(doc)
            ? HitExplainer.Explain(searcher, rescoring.Explained, doc)
            : HitExplainer.Explain(searcher, searched, doc);
}
