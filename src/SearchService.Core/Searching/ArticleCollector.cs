using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchService.Core.Searching;

/// <summary>
/// Collects a search's matches an article at a time: each article's best paragraph and number of matching
/// paragraphs, and facet counts in articles (an article counts once for a value when any of its matching paragraphs
/// has it, so the counts agree with one-hit-per-article results). An article's paragraphs are indexed as one block
/// (consecutive documents in paragraph order, <see cref="ArticleStarts"/>), so a search in document order meets each
/// article's matches one after another: no string per match, no map of articles, no second pass.
/// </summary>
internal sealed class ArticleCollector : ICollector, IDisposable
{
    private readonly FacetFieldReader[] facets;
    private readonly FacetTally[] tallies;
    private readonly int[][] counts;
    // Per facet and value, the number (from 1) of the last article counted for it: an article counts once per value.
    private readonly int[][] lastCounted;
    private readonly List<ArticleMatch> articles = [];
    private Scorer? scorer;
    private FixedBitSet? starts;
    private AtomicReaderContext? segment;
    private int currentStart = -1;

    public ArticleCollector(IndexReader reader, IReadOnlyList<string> facetFields)
    {
        facets = facetFields.Select(f => new FacetFieldReader(reader, f)).ToArray();
        tallies = facets.Select(f => new FacetTally(f.Ordinals)).ToArray();
        counts = tallies.Select(t => t.Counts).ToArray();
        lastCounted = facets.Select(f =>
        {
            var last = ArrayPool<int>.Shared.Rent(Math.Max(1, f.Ordinals.ValueCount));
            Array.Clear(last);
            return last;
        }).ToArray();
    }

    /// <summary>The matching articles in document order (so by <see cref="ArticleMatch.FirstDoc"/>).</summary>
    public IReadOnlyList<ArticleMatch> Articles => articles;

    /// <summary>How many paragraphs matched.</summary>
    public long Paragraphs { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        segment = context;
        starts = ArticleStarts.Of(context.AtomicReader);
        currentStart = -1;
        foreach (var facet in facets)
            facet.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        Paragraphs++;
        var start = starts!.PrevSetBit(doc);
        var score = scorer?.GetScore() ?? 0;
        var global = segment!.DocBase + doc;
        if (start < 0 || start != currentStart)
        {
            currentStart = start;
            articles.Add(new ArticleMatch(segment.Ord, global, score));
        }
        else
            articles[^1].Add(global, score);

        var article = articles.Count;
        for (var i = 0; i < facets.Length; i++)
        {
            foreach (var value in facets[i].GlobalOrds(doc))
            {
                if (lastCounted[i][value] == article)
                    continue;
                lastCounted[i][value] = article;
                counts[i][value]++;
            }
        }
    }

    /// <summary>Paragraphs whose scores changed after the search (re-scored questions), by document number; each only ever rises.</summary>
    public void Rescored(IReadOnlyDictionary<int, float> scores)
    {
        foreach (var (doc, score) in scores)
        {
            var at = LastStartingAtOrBefore(doc);
            if (at >= 0)
                articles[at].Raise(doc, score);
        }
    }

    /// <summary>The matching article of a matching paragraph.</summary>
    public ArticleMatch ArticleOf(int doc) => articles[LastStartingAtOrBefore(doc)];

    /// <summary>The counts of one facet, in articles. The caller disposes it.</summary>
    public FacetTally TallyOf(string field)
    {
        var index = Array.FindIndex(facets, f => f.Field == field);
        return index >= 0 ? tallies[index] : throw new ArgumentException($"Field {field} is not counted.", nameof(field));
    }

    public void Dispose()
    {
        foreach (var last in lastCounted)
            ArrayPool<int>.Shared.Return(last);
    }

    private int LastStartingAtOrBefore(int doc)
    {
        int low = 0, high = articles.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (articles[middle].FirstDoc <= doc)
            {
                found = middle;
                low = middle + 1;
            }
            else
                high = middle - 1;
        }
        return found;
    }
}
