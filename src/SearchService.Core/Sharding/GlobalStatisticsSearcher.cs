using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>
/// A shard's searcher that scores with the figures of the whole sharded index (<see cref="CorpusStatistics"/>) instead
/// of its own: Lucene's weights ask the searcher for term and collection statistics, which is where a distributed
/// collection's are meant to come in. It runs under the time budget of the searcher it stands in for.
/// </summary>
internal sealed class GlobalStatisticsSearcher : BudgetedIndexSearcher
{
    private readonly Dictionary<(string Field, string Text), TermFigures> terms;
    private readonly Dictionary<string, FieldFigures> fields;
    private readonly long maxDoc;

    private GlobalStatisticsSearcher(IndexReader reader, TimeSpan budget, CorpusStatistics global)
        : base(reader, budget)
    {
        terms = global.Terms.ToDictionary(t => (t.Field, t.Text));
        fields = global.Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        maxDoc = global.MaxDoc;
    }

    /// <summary>A searcher of <paramref name="searcher"/>'s reader, with its similarity and budget, scoring with <paramref name="global"/>.</summary>
    public static IndexSearcher Over(IndexSearcher searcher, CorpusStatistics global) =>
        new GlobalStatisticsSearcher(searcher.IndexReader, (searcher as BudgetedIndexSearcher)?.Budget ?? SearchIndex.DefaultQueryBudget, global)
        {
            Similarity = searcher.Similarity,
        };

    /// <summary>A term in no shard is in no document here either: this shard's own figures (none) are the global ones.</summary>
    public override TermStatistics TermStatistics(Term term, TermContext context) =>
        terms.TryGetValue((term.Field, term.Text), out var global)
            ? new TermStatistics(term.Bytes, global.DocFreq, global.TotalTermFreq)
            : base.TermStatistics(term, context);

    public override CollectionStatistics CollectionStatistics(string field) =>
        fields.TryGetValue(field, out var global)
            ? new CollectionStatistics(field, maxDoc, global.DocCount, global.SumTotalTermFreq, global.SumDocFreq)
            : new CollectionStatistics(field, maxDoc, 0, 0, 0);
}
