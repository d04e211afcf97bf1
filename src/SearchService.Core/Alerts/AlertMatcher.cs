using System.Diagnostics;
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
    private readonly SnippetHighlighter snippets = new(analyzer);

    /// <summary>How many queries were run (after the presearcher), for the benchmark.</summary>
    public long QueriesRun => Interlocked.Read(ref queriesRun);

    /// <summary>How many (alert, paragraph) matches were found, each a hit of a notice with its own snippet, for the benchmark.</summary>
    public long HitsFound => Interlocked.Read(ref hitsFound);

    /// <summary>Where the matching time goes, for the benchmark.</summary>
    public MatchingTimes Times { get; } = new();

    private long queriesRun;
    private long hitsFound;

    /// <summary>
    /// Every alert of <paramref name="alerts"/> that a paragraph of <paramref name="written"/> matches: one event per
    /// alert and article, with the article's matching paragraphs, articles in the order given. The snippets are made
    /// when first read (<see cref="AlertHit"/>), each paragraph analysed once for the snippets of all the alerts it matches.
    /// </summary>
    public IReadOnlyList<AlertEvent> Match(IReadOnlyList<SearchableArticle> written, AlertPresearcher alerts)
    {
        if (alerts.Count == 0 || written.Count == 0)
            return [];
        var started = Stopwatch.GetTimestamp();
        using var batch = new ParagraphBatch(written, analyzer);
        Times.AddBatch(started);
        var presearched = Stopwatch.GetTimestamp();
        var published = written.Select(w => w.Article.Date).Distinct().ToList();
        var candidates = alerts.Candidates(batch.Terms, published).ToList();
        Times.AddPresearch(presearched);
        var analysed = new AnalysedText?[batch.Paragraphs];
        var texts = new string[batch.Paragraphs];
        var hits = new Dictionary<(int Article, string Alert), List<AlertHit>>();
        var found = 0L;
        foreach (var alert in candidates)
        {
            Interlocked.Increment(ref queriesRun);
            var queried = Stopwatch.GetTimestamp();
            var matching = batch.Matching(alert.Matches);
            Times.AddQueries(queried);
            var hitsMade = Stopwatch.GetTimestamp();
            Func<int, string>? snippet = null; // the query's terms read once per batch, for all its hits
            var (current, ofArticle) = (-1, new List<AlertHit>());
            foreach (var document in matching)
            {
                var (article, paragraph) = batch.Source(document);
                if (!alert.Covers(written[article].Article.Date))
                    continue;
                if (article != current) // documents come in batch order, an article's paragraphs together
                {
                    current = article;
                    hits[(article, alert.Alert.Id)] = ofArticle = [];
                }
                texts[document] = written[article].Article.Paragraphs[paragraph - 1];
                snippet ??= Snippets(snippets.ForAnalysed(alert.Query), analysed, texts);
                ofArticle.Add(Hit(written[article], paragraph, snippet, document));
                found++;
            }
            Times.AddHits(hitsMade);
        }
        Interlocked.Add(ref hitsFound, found);
        var noticesMade = Stopwatch.GetTimestamp();
        var versions = new byte[]?[written.Count];
        var events = new List<AlertEvent>(hits.Count);
        foreach (var ((at, alertId), ofArticle) in hits.OrderBy(h => h.Key.Article).ThenBy(h => h.Key.Alert, StringComparer.Ordinal))
        {
            var article = written[at].Article;
            var version = versions[at] ??= AlertEventId.Version(article);
            events.Add(new AlertEvent(AlertEventId.Of(alertId, article.Id, version), new AlertNotice(alertId, ofArticle)));
        }
        Times.AddHits(noticesMade);
        return events;
    }

    /// <summary>
    /// Makes the snippets of one alert's hits in a batch, by document, when first read. Its closure holds only what the
    /// snippets need, the batch's matched paragraphs' text: a hit is kept as long as its event (the last 256 of each
    /// alert), and one capturing the batch's articles kept every batch's text alive.
    /// </summary>
    private Func<int, string> Snippets(Func<AnalysedText, string> make, AnalysedText?[] analysed, string[] texts) =>
        document => make(Analysed(analysed, document, texts[document]));

    /// <summary>A batch paragraph's tokens, analysed when its first snippet is made and shared by the rest.</summary>
    private AnalysedText Analysed(AnalysedText?[] analysed, int document, string text)
    {
        if (Volatile.Read(ref analysed[document]) is { } done)
            return done;
        var made = snippets.Analyse(text);
        return Interlocked.CompareExchange(ref analysed[document], made, null) ?? made;
    }

    private static AlertHit Hit(SearchableArticle written, int paragraph, Func<int, string> snippets, int document)
    {
        var (article, facets) = (written.Article, written.Facets);
        var own = paragraph <= facets.Paragraphs.Count ? facets.Paragraphs[paragraph - 1] : Facets.ParagraphFacets.Empty;
        return new AlertHit(article.Id, paragraph, article.Title, snippets, document, article.Date, own.Region, own.Topic, own.Speaker);
    }
}
