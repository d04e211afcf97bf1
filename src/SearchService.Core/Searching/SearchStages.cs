using Lucene.Net.Analysis;
using SearchService.Core.Semantics;

namespace SearchService.Core.Searching;

/// <summary>
/// The stages a search passes through, made once per searcher: one index's (<see cref="ParagraphSearcher"/>) and a
/// sharded index's, whose shards and gatherer share them so both answer alike.
/// </summary>
internal sealed class SearchStages
{
    /// <param name="analyzer">The analyzer the index was written with.</param>
    /// <param name="synonyms">Applied to simple-syntax queries; null: the list shipped in Data/.</param>
    /// <param name="semantic">Re-orders the best hits by meaning when a request asks for it; null: no request may.</param>
    /// <param name="limits">What a query in Lucene syntax may cost; null: <see cref="QueryCostLimits.Default"/>.</param>
    public SearchStages(Analyzer analyzer, Synonyms? synonyms, SemanticReranker? semantic, QueryCostLimits? limits)
    {
        Analyzer = analyzer;
        Parser = new RequestParser(new UserQueryParser(analyzer, synonyms ?? Synonyms.Load()), new LuceneSyntaxParser(analyzer, limits));
        Rescorer = new QuestionRescorer(new QuestionFeedback(analyzer));
        ParagraphPass = new ParagraphMatchPass(Rescorer);
        ArticlePass = new ArticleMatchPass(Rescorer);
        SemanticReranking = new SemanticHitReranker(semantic);
        Fetcher = new HitFetcher(new SnippetHighlighter(analyzer));
        Assembler = new ResultAssembler(new DidYouMeanBuilder(analyzer));
    }

    public Analyzer Analyzer { get; }

    public RequestParser Parser { get; }

    public QuestionRescorer Rescorer { get; }

    public IMatchPass ParagraphPass { get; }

    public IMatchPass ArticlePass { get; }

    public SemanticHitReranker SemanticReranking { get; }

    public HitFetcher Fetcher { get; }

    public ResultAssembler Assembler { get; }

    /// <summary>The pass over the matches in a unit of hits.</summary>
    public IMatchPass PassFor(ResultUnit unit) => unit == ResultUnit.Article ? ArticlePass : ParagraphPass;
}
