using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>
/// The index's analysis by field (<see cref="IndexSchema.CreateAnalyzer"/>): the named fields' own analyzers, one
/// exact term for every <c>fields.&lt;name&gt;</c> (named by the publisher, so no fixed list holds them), and English
/// analysis for the rest. So <c>fields.desk:Commodities</c> in Lucene syntax is the term the filter matches, not the
/// stem <c>commod</c> that finds nothing.
/// </summary>
internal sealed class SchemaAnalyzer(Analyzer text, IReadOnlyDictionary<string, Analyzer> named) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private readonly Analyzer exact = new KeywordAnalyzer();

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        named.TryGetValue(fieldName, out var analyzer) ? analyzer
        : fieldName.StartsWith(PublisherFields.FieldPrefix, StringComparison.Ordinal) ? exact
        : text;
}
