using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// Collects a search's matches an article at a time: each article's best paragraph and number of matching
/// paragraphs, and facet counts in articles (an article counts once for a value when any of its matching paragraphs
/// has it, so the counts agree with one-hit-per-article results). An article's paragraphs are indexed as one block
/// (consecutive documents in paragraph order), so a search in document order meets each article's matches one after
/// another: no string per match, no map of articles, no second pass.
/// </summary>
internal sealed class ArticleCollector : ICollector
{
    private readonly FacetFieldReader[] facets;
    private readonly FacetTally[] tallies;
    private readonly int[][] counts;
    // The values the current article has been counted for, per facet.
    private readonly HashSet<long>[] counted;
    private readonly List<ArticleMatch> articles = [];
    private Scorer? scorer;
    private SortedDocValues? articleIds;
    private AtomicReaderContext? segment;
    private int currentOrd = -1;

    public ArticleCollector(IndexReader reader, IReadOnlyList<string> facetFields)
    {
        facets = facetFields.Select(f => new FacetFieldReader(reader, f)).ToArray();
        tallies = facets.Select(f => new FacetTally(f.Ordinals)).ToArray();
        counts = tallies.Select(t => t.Counts).ToArray();
        counted = facets.Select(_ => new HashSet<long>()).ToArray();
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
        articleIds = context.AtomicReader.GetSortedDocValues(IndexSchema.ArticleId);
        currentOrd = -1;
        foreach (var facet in facets)
            facet.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        Paragraphs++;
        var ord = articleIds?.GetOrd(doc) ?? -1;
        var score = scorer?.GetScore() ?? 0;
        var global = segment!.DocBase + doc;
        if (ord < 0 || ord != currentOrd)
        {
            currentOrd = ord;
            articles.Add(new ArticleMatch(segment.Ord, ord, global, score));
            foreach (var values in counted)
                values.Clear();
        }
        else
            articles[^1].Add(global, score);

        for (var i = 0; i < facets.Length; i++)
        {
            foreach (var value in facets[i].GlobalOrds(doc))
            {
                if (counted[i].Add(value))
                    counts[i][value]++;
            }
        }
    }

    /// <summary>Paragraphs whose scores changed after the search (re-ranked), by document number; each only ever rises.</summary>
    public void Rescored(IReadOnlyDictionary<int, float> scores)
    {
        foreach (var (doc, score) in scores)
        {
            var at = LastStartingAtOrBefore(doc);
            if (at >= 0)
                articles[at].Raise(doc, score);
        }
    }

    /// <summary>The counts of one facet, in articles. The caller disposes it.</summary>
    public FacetTally TallyOf(string field)
    {
        var index = Array.FindIndex(facets, f => f.Field == field);
        return index >= 0 ? tallies[index] : throw new ArgumentException($"Field {field} is not counted.", nameof(field));
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
