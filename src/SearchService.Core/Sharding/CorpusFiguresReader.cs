using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SearchService.Core.Sharding;

/// <summary>
/// The figures of every shard summed (<see cref="CorpusStatistics"/>) as a reader that holds no document: what
/// Lucene's MoreLikeThis reads of its reader to pick an article's words (the number of documents, each word's document
/// frequency), so that it picks over a sharded index as over one index of the same articles. Nothing else is asked of it.
/// </summary>
internal sealed class CorpusFiguresReader : CompositeReader
{
    private readonly Dictionary<(string Field, string Text), TermFigures> terms;
    private readonly Dictionary<string, FieldFigures> fields;
    private readonly int documents;

    public CorpusFiguresReader(CorpusStatistics figures)
    {
        terms = figures.Terms.ToDictionary(t => (t.Field, t.Text));
        fields = figures.Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        documents = checked((int)figures.MaxDoc);
    }

    public override int NumDocs => documents;

    public override int MaxDoc => documents;

    /// <summary>A term no shard holds is in no document.</summary>
    public override int DocFreq(Term term) => terms.TryGetValue((term.Field, term.Text), out var figures) ? checked((int)figures.DocFreq) : 0;

    public override long TotalTermFreq(Term term) => terms.TryGetValue((term.Field, term.Text), out var figures) ? figures.TotalTermFreq : 0;

    public override long GetSumDocFreq(string field) => fields.TryGetValue(field, out var figures) ? figures.SumDocFreq : 0;

    public override int GetDocCount(string field) => fields.TryGetValue(field, out var figures) ? checked((int)figures.DocCount) : 0;

    public override long GetSumTotalTermFreq(string field) => fields.TryGetValue(field, out var figures) ? figures.SumTotalTermFreq : 0;

    protected override IList<IndexReader> GetSequentialSubReaders() => [];

    public override Fields GetTermVectors(int docID) => throw new NotSupportedException("Figures hold no document.");

    public override void Document(int docID, StoredFieldVisitor visitor) => throw new NotSupportedException("Figures hold no document.");

    protected override void DoClose()
    {
    }
}
