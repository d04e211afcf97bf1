using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Alerts;

/// <summary>Collects the numbers of every document a query matches, unscored: an alert needs to know which, not how well.</summary>
internal sealed class MatchingDocuments : ICollector
{
    private int docBase;

    public List<int> Documents { get; } = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        // Scores are not read.
    }

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc) => Documents.Add(docBase + doc);
}
