using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Quotes;

/// <summary>Counts matching statements by month of publication (UTC, "1987-03"), from the date's doc values; undated ones are not counted.</summary>
internal sealed class StatementMonthCollector : ICollector
{
    private readonly SortedDictionary<string, int> counts = new(StringComparer.Ordinal);
    private NumericDocValues? dates;

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyDictionary<string, int> Counts => counts;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => dates = context.AtomicReader.GetNumericDocValues(Indexing.IndexSchema.Date);

    public void Collect(int doc)
    {
        var ticks = dates?.Get(doc) ?? 0;
        if (ticks <= 0)
            return;
        var month = new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        counts[month] = counts.GetValueOrDefault(month) + 1;
    }
}
