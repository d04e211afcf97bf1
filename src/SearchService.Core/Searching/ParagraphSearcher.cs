using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// Answers searches: ranked hits (BM25, or newest first), one per paragraph or one per article (its best paragraph),
/// highlighted snippets, and facet counts over all matches with multi-select semantics, in the unit of the hits.
/// </summary>
/// <param name="synonyms">Applied to simple-syntax queries; null: the list shipped in Data/.</param>
/// <param name="semantic">Re-orders the best hits by meaning when a request asks for it; null: no request may.</param>
/// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
public sealed class ParagraphSearcher(SearchIndex index, Synonyms? synonyms = null, SemanticReranker? semantic = null, QueryCostLimits? limits = null)
{
    private static readonly SortField ArticleOrder = new(IndexSchema.ArticleId, SortFieldType.STRING);
    private static readonly SortField ParagraphOrder = new(IndexSchema.Paragraph, SortFieldType.INT32);
    private static readonly Sort NewestFirst = new(new SortField(IndexSchema.Date, SortFieldType.INT64, reverse: true), ArticleOrder, ParagraphOrder);
    private static readonly Sort BestFirst = new(SortField.FIELD_SCORE, ArticleOrder, ParagraphOrder);

    private readonly UserQueryParser simpleParser = new(index.Analyzer, synonyms ?? Synonyms.Load());
    private readonly LuceneSyntaxParser luceneParser = new(index.Analyzer, limits);
    private readonly SnippetHighlighter highlighter = new(index.Analyzer);
    private readonly QuestionReranker reranker = new(new QuestionFeedback(index.Analyzer));
    private readonly DidYouMeanBuilder spelling = new(index.Analyzer);

    /// <summary>Whether requests may ask for <see cref="SearchRequest.SemanticRerank"/>.</summary>
    public bool CanRerankSemantically => semantic is not null;

    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    /// <exception cref="QueryRefusedException">With <see cref="QuerySyntax.Lucene"/>, when the query would cost too much or is turned off.</exception>
    /// <exception cref="InvalidOperationException">A semantic re-ranking is asked for and this searcher has none.</exception>
    public SearchResult Search(SearchRequest request)
    {
        if (request.SemanticRerank && semantic is null)
            throw new InvalidOperationException("This searcher was made without a semantic re-ranker.");
        var clock = Stopwatch.StartNew();
        var filtered = IndexSchema.FacetFields.Where(f => request.FilterValues(f).Count > 0).ToList();
        var unfiltered = IndexSchema.FacetFields.Except(filtered).ToList();

        return index.Search(searcher =>
        {
            var parsed = Parse(request, searcher.IndexReader);
            var textQuery = parsed?.Query;
            var matchQuery = textQuery ?? new MatchAllDocsQuery();
            var query = WithFilters(matchQuery, request, except: null);
            // Without a date range the date facet counts the very matches of the page's search, in the same pass.
            var sameMatchDates = request is { DateFacet: { } inPass, Dates: null } ? new DateHistogram(inPass, request.Unit) : null;
            var page = request.Unit == ResultUnit.Article
                ? ArticlePage(searcher, query, request, parsed, unfiltered, sameMatchDates)
                : ParagraphPage(searcher, query, request, parsed, unfiltered, sameMatchDates);

            var facetCounts = new Dictionary<string, FacetTally>(page.FacetCounts);
            try
            {
                foreach (var facet in filtered)
                {
                    // Counted without this facet's own filter, so other values of it stay selectable.
                    facetCounts[facet] = CountFacet(searcher, WithFilters(matchQuery, request, except: facet), facet, request.Unit);
                }

                var regionTree = request.RegionTree
                    ? RegionTree.Count(searcher, WithFilters(matchQuery, request, except: IndexSchema.Region), request.FacetSize)
                    : null;
                var dates = sameMatchDates?.Buckets() ?? (request.DateFacet is { } interval
                    ? DateHistogram.Count(searcher, WithFilters(matchQuery, request, except: IndexSchema.Date), interval, request.Unit)
                    : null);

                return new SearchResult(
                    page.Total, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, page.Hits,
                    new FacetCounts(
                        Ranked(facetCounts[IndexSchema.Region], request.Region, request.FacetSize),
                        Ranked(facetCounts[IndexSchema.Topic], request.Topic, request.FacetSize),
                        Ranked(facetCounts[IndexSchema.Speaker], request.Speaker, request.FacetSize),
                        regionTree,
                        dates),
                    page.TotalArticles,
                    spelling.DidYouMean(request.Query, parsed?.Corrections ?? [], page.Hits));
            }
            finally
            {
                foreach (var tally in facetCounts.Values)
                    tally.Dispose();
            }
        });
    }

    /// <summary>
    /// Values of one facet whose name has a word starting with <paramref name="prefix"/> (any case), counted like the
    /// facet counts of <see cref="Search"/> for the same request (every filter except the facet's own, in the unit of
    /// the hits), most frequent first, then by value.
    /// </summary>
    public IReadOnlyList<FacetValue> FacetValues(SearchRequest request, string facet, string prefix, int size) =>
        index.Search(searcher =>
        {
            var textQuery = Parse(request, searcher.IndexReader)?.Query;
            using var counts = CountFacet(searcher, WithFilters(textQuery ?? new MatchAllDocsQuery(), request, except: facet), facet, request.Unit);
            return counts.All()
                .Where(kv => HasWordStarting(kv.Key, prefix))
                .Select(kv => new FacetValue(kv.Key, kv.Value))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(size)
                .ToList();
        });

    private static bool HasWordStarting(string value, string prefix) =>
        prefix.Length == 0
        || value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        || value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private sealed record HitPage(long Total, long? TotalArticles, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, FacetTally> FacetCounts);

    /// <param name="alsoCollect">Another collector over the same matches (null: none).</param>
    private HitPage ParagraphPage(
        IndexSearcher searcher, Query query, SearchRequest request, ParsedQuery? parsed, IReadOnlyList<string> facets, ICollector? alsoCollect)
    {
        var ranked = parsed is not null;
        var reranked = IsReranked(parsed, request);
        var wanted = Math.Max(request.Page * request.PageSize, SemanticDepth(parsed, request));
        // A question's candidates are collected by score alone; their tie-breaks are read after re-ranking, for ties only.
        var top = reranked
            ? (ITopDocsCollector)TopScoreDocCollector.Create(Math.Max(wanted, QuestionReranker.Depth), docsScoredInOrder: false)
            : TopFieldCollector.Create(ranked && request.Order == ResultOrder.Relevance ? BestFirst : NewestFirst, wanted,
                fillFields: false, trackDocScores: ranked, trackMaxScore: false, docsScoredInOrder: false);
        var counts = new FacetCountsCollector(searcher.IndexReader, facets);
        searcher.Search(query, MultiCollector.Wrap(top, counts, alsoCollect));
        IReadOnlyList<ScoreDoc> best = top.GetTopDocs().ScoreDocs;
        var reranking = reranked ? Rerank(searcher, best.Take(QuestionReranker.Depth).ToList(), parsed!) : null;
        if (reranking is not null)
        {
            foreach (var scoreDoc in best)
                scoreDoc.Score = reranking.Scores.GetValueOrDefault(scoreDoc.Doc, scoreDoc.Score);
            best = TopSelection.Best(best, wanted, new TieBreakingOrder(searcher.IndexReader));
        }
        var byMeaning = ByMeaning(searcher, request, parsed, best, scoreDoc => scoreDoc.Doc);
        var highlights = Highlighters(parsed?.Query);
        var hits = byMeaning.Order.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(scoreDoc => ToHit(Load(searcher, scoreDoc.Doc), ranked ? scoreDoc.Score : null, highlights, otherMatches: null)
                with { Explanation = Explanation(searcher, query, reranking, scoreDoc.Doc, request, ranked, byMeaning.Places.GetValueOrDefault(scoreDoc)) })
            .ToList();
        return new HitPage(top.TotalHits, null, hits, facets.ToDictionary(f => f, counts.TallyOf));
    }

    /// <param name="alsoCollect">Another collector over the same matches, in document order (null: none).</param>
    private HitPage ArticlePage(
        IndexSearcher searcher, Query query, SearchRequest request, ParsedQuery? parsed, IReadOnlyList<string> facets, ICollector? alsoCollect)
    {
        var ranked = parsed is not null;
        using var collector = new ArticleCollector(searcher.IndexReader, facets);
        var candidates = IsReranked(parsed, request) ? TopScoreDocCollector.Create(QuestionReranker.Depth, docsScoredInOrder: true) : null;
        searcher.Search(query, MultiCollector.Wrap(collector, candidates, alsoCollect)); // Wrap leaves out the nulls
        var reranking = candidates is null ? null : Rerank(searcher, candidates.GetTopDocs().ScoreDocs, parsed!);
        if (reranking is not null)
            collector.Rescored(reranking.Scores);
        var order = new ArticleOrder(searcher.IndexReader, byScore: ranked && request.Order == ResultOrder.Relevance);
        var highlights = Highlighters(parsed?.Query);
        var best = TopSelection.Best(collector.Articles, Math.Max(request.Page * request.PageSize, SemanticDepth(parsed, request)), order);
        var byMeaning = ByMeaning(searcher, request, parsed, best, article => article.BestDoc);
        var hits = byMeaning.Order
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(a => ToHit(Load(searcher, a.BestDoc), ranked ? a.BestScore : null, highlights, a.Matches - 1)
                with { Explanation = Explanation(searcher, query, reranking, a.BestDoc, request, ranked, byMeaning.Places.GetValueOrDefault(a)) })
            .ToList();
        return new HitPage(collector.Paragraphs, collector.Articles.Count, hits, facets.ToDictionary(f => f, collector.TallyOf));
    }

    /// <summary>A question's best matches are re-ranked when hits are in order of relevance; newest first, nothing to re-rank.</summary>
    private static bool IsReranked(ParsedQuery? parsed, SearchRequest request) =>
        parsed is { IsQuestion: true } && request.Order == ResultOrder.Relevance;

    /// <summary>How many of the best hits are re-ordered by meaning: none unless asked for, and only when ranked by relevance.</summary>
    private int SemanticDepth(ParsedQuery? parsed, SearchRequest request) =>
        request.SemanticRerank && parsed is not null && request.Order == ResultOrder.Relevance ? semantic!.Depth : 0;

    /// <summary>
    /// The best hits re-ordered by meaning too, when the request asks for it; otherwise as they are. The model reads a
    /// hit's headline, which says what the article is about, and its paragraph.
    /// </summary>
    private SemanticReranker.Reranking<T> ByMeaning<T>(
        IndexSearcher searcher, SearchRequest request, ParsedQuery? parsed, IReadOnlyList<T> best, Func<T, int> doc) where T : notnull
    {
        if (SemanticDepth(parsed, request) == 0)
            return SemanticReranker.Reranking<T>.Unchanged(best);
        return semantic!.Rerank(request.Query!, best, hit =>
        {
            var stored = Load(searcher, doc(hit));
            return $"{stored.Title}. {stored.Text}";
        });
    }

    private QuestionReranker.Reranking Rerank(IndexSearcher searcher, IReadOnlyList<ScoreDoc> best, ParsedQuery parsed) =>
        reranker.Rerank(searcher, best, parsed.Query, parsed.Pairs ?? []);

    /// <summary>
    /// A question's re-ranked hit is explained by the query of both stages, any other by the query searched; a hit
    /// re-ordered by meaning also says where that put it.
    /// </summary>
    private static HitExplanation? Explanation(
        IndexSearcher searcher, Query query, QuestionReranker.Reranking? reranking, int doc, SearchRequest request, bool ranked, SemanticPlace? place)
    {
        if (!request.Explain || !ranked)
            return null;
        var explanation = reranking is not null && reranking.Scores.ContainsKey(doc)
            ? HitExplainer.Explain(searcher, reranking.Explained, doc)
            : HitExplainer.Explain(searcher, query, doc);
        return explanation with { Semantic = place };
    }

    private static FacetTally CountFacet(IndexSearcher searcher, Query query, string facet, ResultUnit unit)
    {
        if (unit == ResultUnit.Article)
        {
            using var articles = new ArticleCollector(searcher.IndexReader, [facet]);
            searcher.Search(query, articles);
            return articles.TallyOf(facet);
        }
        var counts = new FacetCountsCollector(searcher.IndexReader, [facet]);
        searcher.Search(query, counts);
        return counts.TallyOf(facet);
    }

    private ParsedQuery? Parse(SearchRequest request, IndexReader vocabulary)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
            return null;
        return request.Syntax == QuerySyntax.Lucene
            ? new ParsedQuery(luceneParser.Parse(request.Query), [])
            : simpleParser.Parse(request.Query, vocabulary);
    }

    /// <param name="except">A facet (or <see cref="IndexSchema.Date"/>, the date range) whose own filter is left out.</param>
    private static Query WithFilters(Query query, SearchRequest request, string? except)
    {
        var filters = new BooleanQuery();
        foreach (var facet in IndexSchema.FacetFields.Where(f => f != except))
        {
            var values = request.FilterValues(facet);
            if (values.Count == 0)
                continue;
            var anyValue = new BooleanQuery();
            foreach (var value in values)
            {
                anyValue.Add(new TermQuery(new Term(facet, value)), Occur.SHOULD);
                if (facet == IndexSchema.Region) // region=Asia: paragraphs about Asia's countries too
                    anyValue.Add(new TermQuery(new Term(IndexSchema.RegionScope, value)), Occur.SHOULD);
            }
            filters.Add(anyValue, Occur.MUST);
        }
        if (request.Dates is { } dates && except != IndexSchema.Date)
            filters.Add(dates.ToQuery(), Occur.MUST);
        // A filter narrows the matches without changing their scores.
        return filters.Clauses.Count == 0 ? query : new FilteredQuery(query, new QueryWrapperFilter(filters));
    }

    /// <summary>Most frequent first, then by value; values the user selected are always listed, so they can be unticked.</summary>
    private static IReadOnlyList<FacetValue> Ranked(FacetTally counts, IReadOnlyList<string>? selected, int size)
    {
        var ranked = counts.Top(size);
        foreach (var value in selected ?? [])
        {
            if (ranked.All(v => v.Value != value))
                ranked.Add(new FacetValue(value, counts.CountOf(value)));
        }
        return ranked;
    }

    private static StoredHitVisitor Load(IndexSearcher searcher, int doc)
    {
        var stored = new StoredHitVisitor();
        searcher.Doc(doc, stored);
        return stored;
    }

    private (Func<string, string> Text, Func<string, string> Title) Highlighters(Query? query) =>
        (highlighter.For(query), highlighter.For(query, IndexSchema.Title));

    private static SearchHit ToHit(
        StoredHitVisitor stored, float? score, (Func<string, string> Text, Func<string, string> Title) highlight, int? otherMatches) => new(
        Article.ParagraphId(stored.ArticleId, stored.Paragraph),
        stored.ArticleId,
        stored.Paragraph,
        stored.Title,
        stored.Date,
        stored.Source,
        score,
        highlight.Text(stored.Text),
        highlight.Title(stored.Title),
        stored.Text,
        stored.Region,
        stored.Topic,
        stored.Speaker,
        otherMatches);
}
