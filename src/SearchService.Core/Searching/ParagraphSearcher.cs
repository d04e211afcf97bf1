using System.Diagnostics;
using SearchService.Core.Indexing;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// Answers searches: ranked hits (BM25, or newest first), one per paragraph or one per article (its best paragraph),
/// highlighted snippets, and facet counts over all matches with multi-select semantics, in the unit of the hits. A
/// search passes through the stages in the order <see cref="Search"/> lists them; the two units of hits differ only in
/// their pass over the matches (<see cref="IMatchPass"/>).
/// </summary>
public sealed class ParagraphSearcher
{
    private readonly SearchIndex index;
    private readonly RequestParser parser;
    private readonly IMatchPass paragraphPass;
    private readonly IMatchPass articlePass;
    private readonly SemanticHitReranker semanticReranking;
    private readonly HitFetcher fetcher;
    private readonly ResultAssembler assembler;

    /// <param name="synonyms">Applied to simple-syntax queries; null: the list shipped in Data/.</param>
    /// <param name="semantic">Re-orders the best hits by meaning when a request asks for it; null: no request may.</param>
    /// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
    public ParagraphSearcher(SearchIndex index, Synonyms? synonyms = null, SemanticReranker? semantic = null, QueryCostLimits? limits = null)
    {
        this.index = index;
        parser = new RequestParser(new UserQueryParser(index.Analyzer, synonyms ?? Synonyms.Load()), new LuceneSyntaxParser(index.Analyzer, limits));
        var rescorer = new QuestionRescorer(new QuestionFeedback(index.Analyzer));
        paragraphPass = new ParagraphMatchPass(rescorer);
        articlePass = new ArticleMatchPass(rescorer);
        semanticReranking = new SemanticHitReranker(semantic);
        fetcher = new HitFetcher(new SnippetHighlighter(index.Analyzer));
        assembler = new ResultAssembler(new DidYouMeanBuilder(index.Analyzer));
    }

    /// <summary>Whether requests may ask for <see cref="SearchRequest.SemanticRerank"/>.</summary>
    public bool CanRerankSemantically => semanticReranking.Depth > 0;

    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    /// <exception cref="QueryRefusedException">With <see cref="QuerySyntax.Lucene"/>, when the query would cost too much or is turned off.</exception>
    /// <exception cref="InvalidOperationException">A semantic re-ranking is asked for and this searcher has none.</exception>
    public SearchResult Search(SearchRequest request)
    {
        if (request.SemanticRerank && !CanRerankSemantically)
            throw new InvalidOperationException("This searcher was made without a semantic re-ranker.");
        var clock = Stopwatch.StartNew();
        return index.Search(searcher =>
        {
            var parsed = parser.Parse(request, searcher.IndexReader);
            var filters = new SearchFilters(parsed?.Query, request);
            var plan = RankingPlan.For(request, parsed, semanticReranking.Depth);
            var datesInPass = FacetCounting.DatesInHitsPass(request);
            var pass = request.Unit == ResultUnit.Article ? articlePass : paragraphPass;
            var collected = pass.Run(searcher, filters.All, plan, filters.Unfiltered, datesInPass);
            var ordered = semanticReranking.Rerank(searcher, request.Query, plan, collected.Best);
            var hits = fetcher.Fetch(searcher, filters.All, request, plan, collected.Rescoring, ordered);
            var facets = FacetCounting.Count(searcher, filters, request, collected.FacetCounts, datesInPass);
            return assembler.Assemble(request, parsed, collected, hits, facets, clock.Elapsed);
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
            var filters = new SearchFilters(parser.Parse(request, searcher.IndexReader)?.Query, request);
            return FacetCounting.Values(searcher, filters, request.Unit, facet, prefix, size);
        });
}
