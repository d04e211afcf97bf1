using System.Globalization;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The date facet: matches counted per year or month of publication (UTC), oldest first, from the date's doc values;
/// undated articles are not counted. Counted in paragraphs, or with articles as the unit each article once: an article's
/// paragraphs are one block of documents (<see cref="ArticleStarts"/>), and matches then come in document order.
/// </summary>
internal sealed class DateHistogram : ICollector
{
    private readonly DateInterval interval;
    private readonly bool perArticle;
    private readonly Dictionary<int, int> counts = []; // year, or year × 100 + month
    private NumericDocValues? dates;
    private FixedBitSet? articleStarts;
    private int lastCounted;
    // An article's paragraphs share its date and come one after another: its bucket is worked out once.
    private long lastTicks;
    private int lastKey;

    private DateHistogram(DateInterval interval, bool perArticle)
    {
        this.interval = interval;
        this.perArticle = perArticle;
    }

    public static IReadOnlyList<FacetValue> Count(IndexSearcher searcher, Query query, DateInterval interval, ResultUnit unit)
    {
        var histogram = new DateHistogram(interval, unit == ResultUnit.Article);
        searcher.Search(new ConstantScoreQuery(query), histogram); // counting needs no scores
        return histogram.counts
            .OrderBy(kv => kv.Key)
            .Select(kv => new FacetValue(Label(kv.Key, interval), kv.Value))
            .ToList();
    }

    public bool AcceptsDocsOutOfOrder => !perArticle;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        dates = context.AtomicReader.GetNumericDocValues(IndexSchema.Date);
        articleStarts = perArticle ? ArticleStarts.Of(context.AtomicReader) : null;
        lastCounted = -1;
    }

    public void Collect(int doc)
    {
        // An undated article has no date value, read as 0 ticks (year 1), a date no article has.
        if (dates?.Get(doc) is not (> 0 and var ticks))
            return;
        if (articleStarts is not null)
        {
            // The same article as the match counted last, unless an article starts after that one, up to this one.
            if (lastCounted >= 0 && articleStarts.NextSetBit(lastCounted + 1) is var next && (next < 0 || next > doc))
                return;
            lastCounted = doc;
        }
        if (ticks != lastTicks)
        {
            var date = new DateTime(ticks, DateTimeKind.Utc);
            (lastTicks, lastKey) = (ticks, interval == DateInterval.Year ? date.Year : date.Year * 100 + date.Month);
        }
        CollectionsMarshal.GetValueRefOrAddDefault(counts, lastKey, out _)++;
    }

    private static string Label(int key, DateInterval interval) => interval == DateInterval.Year
        ? key.ToString("D4", CultureInfo.InvariantCulture)
        : $"{(key / 100).ToString("D4", CultureInfo.InvariantCulture)}-{(key % 100).ToString("D2", CultureInfo.InvariantCulture)}";
}
