using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Each document's month of publication (UTC) as year × 100 + month, 0 when undated, for one segment: the date facet
/// reads this array instead of the date's doc values, which cost a quarter of a microsecond a document through the
/// memory-mapped file (a date facet over 43,000 matches took 11 ms). Read once per segment, kept while it lives
/// (4 bytes a document).
/// </summary>
internal static class PublicationMonths
{
    private static readonly ConditionalWeakTable<object, int[]> Read = new();

    public static int[] Of(AtomicReader segment) => Read.GetValue(segment.CoreCacheKey, _ => Months(segment));

    private static int[] Months(AtomicReader segment)
    {
        var months = new int[segment.MaxDoc];
        if (segment.GetNumericDocValues(IndexSchema.Date) is not { } dates)
            return months;
        // An article's paragraphs share its date and stand together: its month is worked out once.
        long lastTicks = 0;
        var lastMonth = 0;
        for (var doc = 0; doc < months.Length; doc++)
        {
            // An undated article has no value, read as 0 ticks (year 1), a date no article has.
            var ticks = dates.Get(doc);
            if (ticks <= 0)
                continue;
            if (ticks != lastTicks)
            {
                var date = new DateTime(ticks, DateTimeKind.Utc);
                (lastTicks, lastMonth) = (ticks, date.Year * 100 + date.Month);
            }
            months[doc] = lastMonth;
        }
        return months;
    }
}
