using System.Globalization;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// The date facet: matches counted per year or month of publication (UTC), oldest first (<see cref="PublicationMonths"/>);
/// undated articles are not counted. Counted in paragraphs, or with articles as the unit each article once: an article's
/// paragraphs are one block of documents (<see cref="ArticleStarts"/>), and matches then come in document order.
/// </summary>
internal sealed class DateHistogram : ICollector
{
    private readonly DateInterval interval;
    private readonly bool perArticle;
    private readonly Dictionary<int, int> counts = []; // year, or year × 100 + month
    private int[] months = [];
    private FixedBitSet? articleStarts;
    private int lastCounted;

    /// <summary>A collector to run beside others over the matches to count.</summary>
    public DateHistogram(DateInterval interval, ResultUnit unit)
    {
        this.interval = interval;
        perArticle = unit == ResultUnit.Article;
    }

    /// <summary>Counts the matches of <paramref name="query"/> in a search of their own.</summary>
    public static IReadOnlyList<FacetValue> Count(IndexSearcher searcher, Query query, DateInterval interval, ResultUnit unit)
    {
        var histogram = new DateHistogram(interval, unit);
        searcher.Search(new ConstantScoreQuery(query), histogram); // counting needs no scores
        return histogram.Buckets();
    }

    /// <summary>What was collected, oldest first.</summary>
    public IReadOnlyList<FacetValue> Buckets() =>
        counts.OrderBy(kv => kv.Key).Select(kv => new FacetValue(Label(kv.Key, interval), kv.Value)).ToList();

    public bool AcceptsDocsOutOfOrder => !perArticle;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        months = PublicationMonths.Of(context.AtomicReader);
        articleStarts = perArticle ? ArticleStarts.Of(context.AtomicReader) : null;
        lastCounted = -1;
    }

    public void Collect(int doc)
    {
        var month = months[doc];
        if (month == 0)
            return;
        if (articleStarts is not null)
        {
            // The same article as the match counted last, unless an article starts after that one, up to this one.
            if (lastCounted >= 0 && articleStarts.NextSetBit(lastCounted + 1) is var next && (next < 0 || next > doc))
                return;
            lastCounted = doc;
        }
        CollectionsMarshal.GetValueRefOrAddDefault(counts, interval == DateInterval.Year ? month / 100 : month, out _)++;
    }

    private static string Label(int key, DateInterval interval) => interval == DateInterval.Year
        ? key.ToString("D4", CultureInfo.InvariantCulture)
        : $"{(key / 100).ToString("D4", CultureInfo.InvariantCulture)}-{(key % 100).ToString("D2", CultureInfo.InvariantCulture)}";
}
