using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// The steps of finding related articles that one index (<see cref="RelatedArticleFinder"/>) and a sharded one share:
/// Lucene's MoreLikeThis picks the article's most telling words (frequent in it, rare in the index, by the figures of
/// the reader it is given: one index's own, or every shard's summed), the paragraphs are searched for them, an article
/// scoring as its best paragraph, and the best are ordered by meaning when asked.
/// </summary>
public static class RelatedWords
{
    /// <summary>Words of the article the query is made of: MoreLikeThis's default, enough to say what a news story is about.</summary>
    private const int QueryWords = 25;

    /// <summary>A word must occur twice in the article to tell what it is about; in a short one, once is enough.</summary>
    private const int ShortArticleWords = 120;

    /// <summary>The fields whose figures pick the words (a word is searched in the one where it is most frequent).</summary>
    private static readonly string[] Fields = [IndexSchema.Text, IndexSchema.Title];

    /// <summary>The article's headline and lead, which stand for it by meaning.</summary>
    public static string LeadOf(ArticleView article) => $"{article.Title}. {article.Paragraphs.FirstOrDefault()?.Text}";

    /// <summary>How many candidates the words find: the answer's size, or as many as meaning re-ranks.</summary>
    public static int Candidates(RelatedRequest request, RelatedBy by, SemanticReranker? semantic) =>
        Math.Max(request.Size, by == RelatedBy.Words ? 0 : semantic!.Depth);

    /// <summary>
    /// Every term whose figures MoreLikeThis may read to pick the article's words: each word it reads of the article,
    /// in each field, so that figures gathered for these from every shard pick as one index's do.
    /// </summary>
    public static IReadOnlyList<Term> Figured(Analyzer analyzer, ArticleView article)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = analyzer.GetTokenStream(IndexSchema.Text, new StringReader(TextOf(article))))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            for (var read = 0; read < MoreLikeThis.DEFAULT_MAX_NUM_TOKENS_PARSED && stream.IncrementToken(); read++)
                words.Add(term.ToString());
            stream.End();
        }
        return words.SelectMany(word => Fields.Select(field => new Term(field, word))).ToList();
    }

    /// <summary>The article's most telling words, each in its field, best first.</summary>
    /// <param name="figures">Whose document frequencies and number of documents the words are picked by.</param>
    public static IReadOnlyList<Term> Chosen(IndexReader figures, Analyzer analyzer, ArticleView article)
    {
        var text = TextOf(article);
        var moreLikeThis = new MoreLikeThis(figures)
        {
            Analyzer = analyzer,
            FieldNames = Fields,
            MaxQueryTerms = QueryWords,
            MinTermFreq = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < ShortArticleWords ? 1 : 2,
        };
        using var reader = new StringReader(text);
        return ((BooleanQuery)moreLikeThis.Like(reader, IndexSchema.Text)).Clauses.Select(c => ((TermQuery)c.Query).Term).ToList();
    }

    /// <summary>
    /// The best <paramref name="count"/> articles (not <paramref name="articleId"/>) of the index or shard searched for
    /// the words, within the request's filters, dates and scope, best first.
    /// </summary>
    /// <param name="searcher">Scores with the figures the words were picked by.</param>
    public static List<RelatedCandidate> Best(
        IndexSearcher searcher, IReadOnlyList<Term> words, string articleId, SearchRequest filters, SpeakerIdentities? speakers, int count)
    {
        var like = new BooleanQuery();
        foreach (var word in words)
            like.Add(new TermQuery(word), Occur.SHOULD);
        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(IndexSchema.ArticleId, articleId)), Occur.MUST_NOT },
        };
        using var collector = new ArticleCollector(searcher.IndexReader, []);
        searcher.Search(new SearchFilters(query, filters, speakers).All, collector);
        var ranked = collector.Articles.OrderByDescending(a => a.BestScore).ToList();
        // Those tied with the last one taken are read too: ties are broken by article id, which the order by score does not know.
        var cut = ranked.Count <= count ? ranked.Count : count + ranked.Skip(count).TakeWhile(a => a.BestScore == ranked[count - 1].BestScore).Count();
        return ranked.Take(cut).Select(a => Read(searcher, a)).Order(RelatedCandidate.BestFirst).Take(count).ToList();
    }

    /// <summary>The related articles in the order asked for: the words' order, or fused with meaning.</summary>
    /// <param name="candidates">The words' best, best first (<see cref="RelatedCandidate.BestFirst"/>).</param>
    public static IEnumerable<RelatedArticle> Order(IReadOnlyList<RelatedCandidate> candidates, RelatedBy by, string lead, SemanticReranker? semantic)
    {
        if (by == RelatedBy.Words)
            return candidates.Select(c => c.Answer(null));
        var reranking = semantic!.Rerank(lead, candidates, c => c.Lead);
        var places = reranking.Places;
        // Only the first Depth candidates are re-ranked; the rest keep the words' order after them (OrderBy is stable).
        IEnumerable<RelatedCandidate> order = by == RelatedBy.Meaning
            ? reranking.Order.OrderBy(c => places.TryGetValue(c, out var place) ? place.MeaningRank : int.MaxValue)
            : reranking.Order;
        return order.Select(c => c.Answer(places.TryGetValue(c, out var place) ? place.Similarity : null));
    }

    private static string TextOf(ArticleView article) => string.Join("\n", article.Paragraphs.Select(p => p.Text).Prepend(article.Title));

    private static RelatedCandidate Read(IndexSearcher searcher, ArticleMatch match)
    {
        var best = StoredHitVisitor.Read(searcher, match.BestDoc);
        var leaf = searcher.IndexReader.Leaves[match.Leaf];
        var firstDoc = leaf.DocBase + ArticleStarts.Of(leaf.AtomicReader).PrevSetBit(match.BestDoc - leaf.DocBase);
        var first = firstDoc == match.BestDoc ? best : StoredHitVisitor.Read(searcher, firstDoc);
        return new RelatedCandidate(best.ArticleId, best.Title, best.Date, best.Source, best.Paragraph, best.Text, match.BestScore, $"{best.Title}. {first.Text}");
    }
}
