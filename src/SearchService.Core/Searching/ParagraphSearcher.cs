using System.Diagnostics;
using Lucene.Net.Search;
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
    private readonly SearchStages stages;

    /// <param name="synonyms">Applied to simple-syntax queries; null: the list shipped in Data/.</param>
    /// <param name="semantic">Re-orders the best hits by meaning when a request asks for it; null: no request may.</param>
    /// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
    public ParagraphSearcher(SearchIndex index, Synonyms? synonyms = null, SemanticReranker? semantic = null, QueryCostLimits? limits = null)
    {
        this.index = index;
        stages = new SearchStages(index.Analyzer, synonyms, semantic, limits);
    }

    /// <summary>Whether requests may ask for <see cref="SearchRequest.SemanticRerank"/>.</summary>
    public bool CanRerankSemantically => stages.SemanticReranking.Depth > 0;

    /// <exception cref="QuerySyntaxException">With <see cref="QuerySyntax.Lucene"/>, when the query does not parse.</exception>
    /// <exception cref="QueryRefusedException">With <see cref="QuerySyntax.Lucene"/>, when the query would cost too much or is turned off.</exception>
    /// <exception cref="InvalidOperationException">A semantic re-ranking is asked for and this searcher has none.</exception>
    public SearchResult Search(SearchRequest request) => Search(request, pointInTime: null, after: null);

    /// <inheritdoc cref="Search(SearchRequest)"/>
    /// <param name="pointInTime">The searcher to search (a cursor walk's); null: the current one.</param>
    /// <param name="after">Only hits after this cursor's last one; null: from the page asked for.</param>
    internal SearchResult Search(SearchRequest request, IndexSearcher? pointInTime, SearchCursor? after)
    {
        if (request.SemanticRerank && !CanRerankSemantically)
            throw new InvalidOperationException("This searcher was made without a semantic re-ranker.");
        var clock = Stopwatch.StartNew();
        return SearchOn(pointInTime)(searcher =>
        {
            var parsed = Parsed(searcher, request);
            var filters = new SearchFilters(parsed?.Query, request, index.SpeakerIdentities.Table);
            var plan = RankingPlan.For(request, parsed, stages.SemanticReranking.Depth, after);
            var datesInPass = FacetCounting.DatesInHitsPass(request);
            var matches = plan.Scored(filters.All);
            var collected = stages.PassFor(request.Unit).Run(searcher, matches, plan, filters.Unfiltered, datesInPass);
            var ranked = stages.SemanticReranking.Rerank(request.Query, plan, collected.Best, hit => SemanticHitReranker.Passage(searcher, hit.Doc));
            var ordered = PinnedResults.Apply(
                searcher, request, matches, new SearchFilters(null, request, index.SpeakerIdentities.Table).All, ranked, shown: after is null);
            var hits = stages.Fetcher.Fetch(searcher, matches, request, plan, collected.Rescoring, ordered);
            var facets = FacetCounting.Count(searcher, filters, request, collected.FacetCounts, datesInPass);
            return stages.Assembler.Assemble(request, parsed, collected.Total, collected.TotalArticles, hits, facets, clock.Elapsed);
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
            var parsed = Parsed(searcher, request);
            return FacetCounting.Values(
                searcher, new SearchFilters(parsed?.Query, request, index.SpeakerIdentities.Table), request.Unit, facet, prefix, size);
        });

    /// <summary>The query a search for <paramref name="request"/> runs on <paramref name="searcher"/>, with every filter and the scope, and whether it scores its matches.</summary>
    internal (Query Matches, bool Ranked) Matching(IndexSearcher searcher, SearchRequest request)
    {
        var parsed = Parsed(searcher, request);
        return (new SearchFilters(parsed?.Query, request, index.SpeakerIdentities.Table).All, parsed is not null);
    }

    /// <summary>The request's query as a search on <paramref name="searcher"/> parses it (with a question's word pairs); null when it has none.</summary>
    internal ParsedQuery? Parsed(IndexSearcher searcher, SearchRequest request) =>
        stages.Parser.Parse(request, new SpellingCorrector(Vocabulary(searcher, request)));

    /// <summary>Runs a search on the searcher given, or on the current one.</summary>
    private Func<Func<IndexSearcher, SearchResult>, SearchResult> SearchOn(IndexSearcher? pointInTime) =>
        pointInTime is null ? index.Search : search => search(pointInTime);

    /// <summary>Where typos are corrected from: the request's scope, if it has one, else the whole index.</summary>
    private static IVocabulary Vocabulary(IndexSearcher searcher, SearchRequest request) =>
        request.Scope is { } scope ? new ScopedVocabulary(searcher, scope) : new IndexVocabulary(searcher.IndexReader);
}
