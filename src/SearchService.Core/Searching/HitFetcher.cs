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
        var page = PageOf(ordered.Order, request).ToList();
        var hits = Read(searcher, plan.Parsed, page, hit => request.Explain && plan.Ranked ? ExplainedBy(searched, rescoring, hit.Doc) : null, rescoring?.Read);
        return hits.Select((hit, i) => WithPlace(hit, ordered.Places.GetValueOrDefault(page[i]))).ToList();
    }

    /// <summary>The hits of the page the request asks for, of all the best hits in order.</summary>
    public static IEnumerable<T> PageOf<T>(IReadOnlyList<T> ordered, SearchRequest request) =>
        ordered.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize);

    /// <summary>Hits of one index, read and highlighted for <paramref name="parsed"/>, in the order given.</summary>
    /// <param name="explainedBy">The query that explains a hit's score; null: it is not explained.</param>
    /// <param name="alreadyRead">Hits of this searcher read before (by a question's feedback), by document.</param>
    public IReadOnlyList<SearchHit> Read(
        IndexSearcher searcher, ParsedQuery? parsed, IReadOnlyList<RankedHit> hits, Func<RankedHit, Query?> explainedBy,
        IReadOnlyDictionary<int, StoredHitVisitor>? alreadyRead = null)
    {
        var text = highlighter.For(parsed?.Query);
        var title = highlighter.For(parsed?.Query, IndexSchema.Title);
        // Paragraphs of one article share its headline: it is highlighted once per search.
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        return hits
            .Select(hit =>
            {
                var stored = alreadyRead?.GetValueOrDefault(hit.Doc) ?? StoredHitVisitor.Read(searcher, hit.Doc);
                var explanation = explainedBy(hit) is { } query ? HitExplainer.Explain(searcher, query, hit.Doc) : null;
                return new SearchHit(
                    Article.ParagraphId(stored.ArticleId, stored.Paragraph),
                    stored.ArticleId,
                    stored.Paragraph,
                    stored.Title,
                    stored.Date,
                    stored.Source,
                    stored.Url,
                    stored.Byline,
                    stored.Section,
                    stored.Language,
                    stored.Fields,
                    hit.Score,
                    text(stored.Text),
                    titles.TryGetValue(stored.Title, out var marked) ? marked : titles[stored.Title] = title(stored.Title),
                    stored.Text,
                    stored.Region,
                    stored.Topic,
                    stored.Speaker,
                    hit.OtherMatches,
                    explanation,
                    hit.Pinned ? true : null);
            })
            .ToList();
    }

    /// <summary>An explained hit with where re-ranking by meaning put it (null: it was not re-ranked).</summary>
    public static SearchHit WithPlace(SearchHit hit, SemanticPlace? place) =>
        hit.Explanation is { } explanation ? hit with { Explanation = explanation with { Semantic = place } } : hit;

    /// <summary>A question's re-scored hit is explained by the query of both stages, any other by the query searched.</summary>
    private static Query ExplainedBy(Query searched, QuestionRescorer.Rescoring? rescoring, int doc) =>
        rescoring is not null && rescoring.Scores.ContainsKey(doc) ? rescoring.Explained : searched;
}
