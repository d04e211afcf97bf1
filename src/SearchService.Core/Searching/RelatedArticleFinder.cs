using System.Diagnostics;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// Finds the articles most like one article. By words: Lucene's MoreLikeThis picks the article's most telling words
/// (frequent in it, rare in the index) and searches the paragraphs for them, an article scoring as its best paragraph.
/// By meaning: the best of those candidates are ordered by the language model's similarity of their headline and lead
/// to the article's (<see cref="SemanticReranker"/>), and both orders are fused by reciprocal rank fusion, as
/// <c>rerank=semantic</c> fuses a search's. Filters, dates and a scoped key's scope apply as in <c>/search</c>. The
/// steps are <see cref="RelatedWords"/>', which a sharded index takes too.
/// </summary>
/// <param name="semantic">Null: the model is off (Search:SemanticRerankDepth=0) and related articles are found by words.</param>
public sealed class RelatedArticleFinder(SearchIndex index, ArticleLookup lookup, SemanticReranker? semantic = null) : IRelatedArticleFinder
{
    /// <summary>The most related articles a request may ask for.</summary>
    public const int MaxSize = 50;

    /// <summary>Whether related articles can be found by meaning here.</summary>
    public bool CanUseMeaning => semantic is not null;

    /// <summary>The related articles, or null when no article has the id (or the request's scope leaves it out).</summary>
    /// <exception cref="SemanticRerankUnavailableException">Meaning was asked for and the model cannot answer now.</exception>
    public RelatedArticles? Find(RelatedRequest request)
    {
        var clock = Stopwatch.StartNew();
        if (lookup.Find(request.ArticleId, request.Filters.Scope) is not { } article)
            return null;
        var by = semantic is null ? RelatedBy.Words : request.By;
        var hits = index.Search(searcher =>
        {
            var words = RelatedWords.Chosen(searcher.IndexReader, index.Analyzer, article);
            var candidates = RelatedWords.Best(
                searcher, words, article.Id, request.Filters, index.SpeakerIdentities.Table, RelatedWords.Candidates(request, by, semantic));
            return RelatedWords.Order(candidates, by, RelatedWords.LeadOf(article), semantic).Take(request.Size).ToList();
        });
        return new RelatedArticles(article.Id, by, hits, clock.Elapsed.TotalMilliseconds);
    }

    public Task<RelatedArticles?> FindAsync(RelatedRequest request) => Task.FromResult(Find(request));
}
