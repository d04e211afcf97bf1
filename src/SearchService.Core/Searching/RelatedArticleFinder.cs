using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// Finds the articles most like one article. By words: Lucene's MoreLikeThis picks the article's most telling words
/// (frequent in it, rare in the index) and searches the paragraphs for them, an article scoring as its best paragraph.
/// By meaning: the best of those candidates are ordered by the language model's similarity of their headline and lead
/// to the article's (<see cref="SemanticReranker"/>), and both orders are fused by reciprocal rank fusion, as
/// <c>rerank=semantic</c> fuses a search's. Filters, dates and a scoped key's scope apply as in <c>/search</c>.
/// </summary>
/// <param name="semantic">Null: the model is off (Search:SemanticRerankDepth=0) and related articles are found by words.</param>
public sealed class RelatedArticleFinder(SearchIndex index, ArticleLookup lookup, SemanticReranker? semantic = null)
{
    /// <summary>The most related articles a request may ask for.</summary>
    public const int MaxSize = 50;

    /// <summary>Words of the article the query is made of: MoreLikeThis's default, enough to say what a news story is about.</summary>
    private const int QueryWords = 25;

    /// <summary>A word must occur twice in the article to tell what it is about; in a short one, once is enough.</summary>
    private const int ShortArticleWords = 120;

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
        var lead = $"{article.Title}. {article.Paragraphs.FirstOrDefault()?.Text}";
        var hits = index.Search(searcher =>
        {
            var candidates = Candidates(searcher, article, request, Math.Max(request.Size, by == RelatedBy.Words ? 0 : semantic!.Depth));
            return Order(candidates, by, lead).Take(request.Size).ToList();
        });
        return new RelatedArticles(article.Id, by, hits, clock.Elapsed.TotalMilliseconds);
    }

    private List<Candidate> Candidates(IndexSearcher searcher, ArticleView article, RelatedRequest request, int count)
    {
        var text = string.Join("\n", article.Paragraphs.Select(p => p.Text).Prepend(article.Title));
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = index.Analyzer,
            FieldNames = [IndexSchema.Text, IndexSchema.Title],
            MaxQueryTerms = QueryWords,
            MinTermFreq = words < ShortArticleWords ? 1 : 2,
        };
        Query like;
        using (var reader = new StringReader(text))
            like = moreLikeThis.Like(reader, IndexSchema.Text);
        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(IndexSchema.ArticleId, article.Id)), Occur.MUST_NOT },
        };
        var filters = new SearchFilters(query, request.Filters, index.SpeakerIdentities.Table);
        using var collector = new ArticleCollector(searcher.IndexReader, []);
        searcher.Search(filters.All, collector);
        return collector.Articles
            .OrderByDescending(a => a.BestScore).ThenBy(a => a.BestDoc)
            .Take(count)
            .Select(a => Read(searcher, a))
            .ToList();
    }

    private static Candidate Read(IndexSearcher searcher, ArticleMatch match)
    {
        var best = StoredHitVisitor.Read(searcher, match.BestDoc);
        var leaf = searcher.IndexReader.Leaves[match.Leaf];
        var firstDoc = leaf.DocBase + ArticleStarts.Of(leaf.AtomicReader).PrevSetBit(match.BestDoc - leaf.DocBase);
        var first = firstDoc == match.BestDoc ? best : StoredHitVisitor.Read(searcher, firstDoc);
        return new Candidate(best, match.BestScore, $"{best.Title}. {first.Text}");
    }

    private IEnumerable<RelatedArticle> Order(List<Candidate> candidates, RelatedBy by, string lead)
    {
        if (by == RelatedBy.Words)
            return candidates.Select(c => c.Answer(null));
        var reranking = semantic!.Rerank(lead, candidates, c => c.Lead);
        var places = reranking.Places;
        // Only the first Depth candidates are re-ranked; the rest keep the words' order after them (OrderBy is stable).
        IEnumerable<Candidate> order = by == RelatedBy.Meaning
            ? reranking.Order.OrderBy(c => places.TryGetValue(c, out var place) ? place.MeaningRank : int.MaxValue)
            : reranking.Order;
        return order.Select(c => c.Answer(places.TryGetValue(c, out var place) ? place.Similarity : null));
    }

    /// <summary>A related article as found by words, with the text that stands for it by meaning (headline and lead).</summary>
    private sealed record Candidate(StoredHitVisitor Best, float Score, string Lead)
    {
        public RelatedArticle Answer(double? similarity) => new(
            Best.ArticleId, Best.Title, Best.Date, Best.Source, Best.Paragraph, HtmlTextEncoder.Encode(Best.Text), Score, similarity);
    }
}
