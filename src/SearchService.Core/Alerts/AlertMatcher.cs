using Lucene.Net.Analysis;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// The percolator's matching: the articles that became searchable together are indexed as one small batch
/// (<see cref="ParagraphBatch"/>), the batch's terms pick the alerts worth running (<see cref="AlertPresearcher"/>), and
/// each of those runs once against the whole batch, not once per paragraph: thousands of alerts cost a bulk pass
/// a query per alert per batch, where one index per paragraph cost a query per alert per paragraph. One article alone
/// is a batch of one.
/// </summary>
public sealed class AlertMatcher(Analyzer analyzer)
{
    private static readonly Comparer<(int Article, string Alert)> ByArticleThenAlert = Comparer<(int Article, string Alert)>.Create((x, y) =>
        x.Article != y.Article ? x.Article.CompareTo(y.Article) : string.CompareOrdinal(x.Alert, y.Alert));

    private readonly SnippetHighlighter snippets = new(analyzer);

    /// <summary>How many queries were run (after the presearcher), for the benchmark.</summary>
    public long QueriesRun => Interlocked.Read(ref queriesRun);

    /// <summary>How many (alert, paragraph) matches were found, each a hit of a notice with its own snippet, for the benchmark.</summary>
    public long HitsFound => Interlocked.Read(ref hitsFound);

    private long queriesRun;
    private long hitsFound;

    /// <summary>
    /// Every alert of <paramref name="alerts"/> that a paragraph of <paramref name="written"/> matches: one notice per
    /// alert and article, with the article's matching paragraphs, articles in the order given.
    /// </summary>
    public IReadOnlyList<AlertNotice> Match(IReadOnlyList<SearchableArticle> written, AlertPresearcher alerts)
    {
        if (alerts.Count == 0 || written.Count == 0)
            return [];
        using var batch = new ParagraphBatch(written, analyzer);
        var published = written.Select(w => w.Article.Date).Distinct().ToList();
        var hits = new SortedDictionary<(int Article, string Alert), List<AlertHit>>(ByArticleThenAlert);
        foreach (var alert in alerts.Candidates(batch.Terms, published))
        {
            Interlocked.Increment(ref queriesRun);
            Func<string, string>? snippet = null; // the query's terms read once per batch, for all its hits
            foreach (var document in batch.Matching(alert.Matches))
            {
                var (article, paragraph) = batch.Source(document);
                if (!alert.Covers(written[article].Article.Date))
                    continue;
                if (!hits.TryGetValue((article, alert.Alert.Id), out var found))
                    hits[(article, alert.Alert.Id)] = found = [];
                found.Add(Hit(written[article], paragraph, snippet ??= snippets.For(alert.Query)));
                Interlocked.Increment(ref hitsFound);
            }
        }
        return hits.Select(h => new AlertNotice(h.Key.Alert, h.Value)).ToList();
    }

    private static AlertHit Hit(SearchableArticle written, int paragraph, Func<string, string> snippet)
    {
        var (article, facets) = (written.Article, written.Facets);
        var own = paragraph <= facets.Paragraphs.Count ? facets.Paragraphs[paragraph - 1] : Facets.ParagraphFacets.Empty;
        return new AlertHit(article.Id, paragraph, article.Title, snippet(article.Paragraphs[paragraph - 1]),
            article.Date, own.Region, own.Topic, own.Speaker);
    }
}
