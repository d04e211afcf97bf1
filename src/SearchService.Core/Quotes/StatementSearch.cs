using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>
/// The one way a <see cref="QuoteRequest"/> is searched, read and counted in a statement index, whether it is a single
/// node's (<see cref="QuoteSearcher"/>) or a shard's (<see cref="Sharding.ShardedQuoteSearcher"/>), and the one way
/// answers become a <see cref="QuoteResult"/>: so that a sharded index answers as one index of the same articles does.
/// </summary>
public static class StatementSearch
{
    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";

    /// <summary>The request's words, all required in a statement's text; null when it has none (every statement, newest first).</summary>
    public static Query? Words(Analyzer analyzer, string? query) =>
        string.IsNullOrWhiteSpace(query) ? null : new QueryBuilder(analyzer).CreateBooleanQuery(IndexSchema.Text, query, Occur.MUST);

    /// <summary>
    /// The statements <paramref name="searcher"/> finds for <paramref name="request"/>: the total, the request's page
    /// read and highlighted (the <paramref name="from"/>th best on), and every facet's counts. One index's whole answer.
    /// </summary>
    public static StatementAnswer Run(IndexSearcher searcher, Analyzer analyzer, QuoteRequest request, SpeakerIdentities? speakers, int from)
    {
        var (words, top, counts) = Search(searcher, analyzer, request, speakers);
        var mark = Marker(analyzer, words);
        var hits = top.ScoreDocs.Skip(from).Select(d => Hit(searcher.Doc(d.Doc), mark, words is null ? null : d.Score)).ToList();
        return new StatementAnswer(top.TotalHits, hits, counts);
    }

    /// <summary>
    /// A shard's query phase: the total, the keys of its best up to the request's page (from the first, in
    /// <see cref="Order"/>) with their scores, none read or highlighted, and every facet's counts.
    /// </summary>
    /// <param name="searcher">Scores with the statistics of every shard (dfs).</param>
    public static StatementMatches Matches(IndexSearcher searcher, Analyzer analyzer, QuoteRequest request, SpeakerIdentities? speakers)
    {
        var (words, top, counts) = Search(searcher, analyzer, request, speakers);
        var dates = MultiDocValues.GetNumericValues(searcher.IndexReader, IndexSchema.Date);
        var best = top.ScoreDocs.Select(d => Keyed(searcher.Doc(d.Doc, KeyFields), dates?.Get(d.Doc) ?? 0, words is null ? null : d.Score)).ToList();
        return new StatementMatches(top.TotalHits, best, counts);
    }

    /// <summary>
    /// A shard's fetch phase: the statements of <paramref name="matches"/> (its own, from <see cref="Matches"/>) read
    /// and highlighted, in their order, each with the score it was found with; null for one a write removed since.
    /// </summary>
    public static IReadOnlyList<QuoteHit?> Fetch(IndexSearcher searcher, Analyzer analyzer, QuoteRequest request, IReadOnlyList<StatementMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mark = Marker(analyzer, Words(analyzer, request.Query));
        var reader = searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        var hits = new List<QuoteHit?>(matches.Count);
        foreach (var match in matches)
        {
            // An article's statements are few: the key's is found among them.
            QuoteHit? found = null;
            var docs = MultiFields.GetTermDocsEnum(reader, live, IndexSchema.ArticleId, new BytesRef(match.ArticleId));
            for (var doc = docs?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs!.NextDoc())
            {
                var stored = searcher.Doc(doc);
                if (IntOf(stored, IndexSchema.Paragraph) == match.Paragraph && IntOf(stored, StatementDocuments.Start) == match.Start)
                {
                    found = Hit(stored, mark, match.Score);
                    break;
                }
            }
            hits.Add(found);
        }
        return hits;
    }

    private static readonly HashSet<string> KeyFields = [IndexSchema.ArticleId, IndexSchema.Paragraph, StatementDocuments.Start];

    private static StatementMatch Keyed(Lucene.Net.Documents.Document doc, long dateTicks, float? score) =>
        new(doc.Get(IndexSchema.ArticleId), IntOf(doc, IndexSchema.Paragraph), IntOf(doc, StatementDocuments.Start), dateTicks, score);

    private static int IntOf(Lucene.Net.Documents.Document doc, string field) => doc.GetField(field)?.GetInt32Value() ?? 0;

    // The request's best up to its page, and every facet's counts.
    private static (Query? Words, TopDocs Top, Dictionary<string, Dictionary<string, int>> Counts) Search(
        IndexSearcher searcher, Analyzer analyzer, QuoteRequest request, SpeakerIdentities? speakers)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = Words(analyzer, request.Query);
        var top = searcher.Search(Filtered(words, request, speakers, except: null), null, request.Page * request.PageSize,
            LuceneOrder(words is not null), doDocScores: words is not null, doMaxScore: false);
        var counts = StatementDocuments.FacetFields.ToDictionary(f => f, f => Counts(searcher, Filtered(words, request, speakers, except: f), f));
        return (words, top, counts);
    }

    /// <summary>The page of <paramref name="request"/> out of <paramref name="hits"/> (best first, from the page's first), each facet's values listed as <see cref="Listed"/> lists them.</summary>
    public static QuoteResult Result(
        QuoteRequest request, long total, IEnumerable<QuoteHit> hits, IReadOnlyDictionary<string, Dictionary<string, int>> counts, TimeSpan took) =>
        new(total, request.Page, request.PageSize, took.TotalMilliseconds, hits.Take(request.PageSize).ToList(),
            StatementDocuments.FacetFields.ToDictionary(f => f, f => Listed(counts[f], request.FacetSize, request.FilterValues(f))));

    /// <summary>The values of a facet, most frequent first (ties by value), the <paramref name="selected"/> ones always among them.</summary>
    public static IReadOnlyList<FacetValue> Listed(IReadOnlyDictionary<string, int> counts, int size, IReadOnlyList<string> selected)
    {
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(size)
            .Select(c => new FacetValue(c.Key, c.Value)).ToList();
        foreach (var value in selected.Where(v => !top.Exists(t => t.Value == v)))
            top.Add(new FacetValue(value, counts.GetValueOrDefault(value)));
        return top;
    }

    /// <summary>
    /// Best match first (<paramref name="byScore"/>), or newest first; then by article and paragraph, as
    /// <see cref="LuceneOrder"/> sorts them in one index. Statements of one paragraph tie, and stay in their index's
    /// order: an article's statements are all in one index.
    /// </summary>
    public static IComparer<StatementMatch> Order(bool byScore) => Comparer<StatementMatch>.Create((a, b) =>
    {
        var first = byScore ? b.Score!.Value.CompareTo(a.Score!.Value) : 0;
        if (first == 0)
            first = b.DateTicks.CompareTo(a.DateTicks);
        return first != 0 ? first : HitTieBreak.CompareKeys(a.ArticleId, a.Paragraph, b.ArticleId, b.Paragraph);
    });

    /// <summary>Statements by month of publication (UTC, "1987-03"), of those the request's filters and scope let through (its words and page aside).</summary>
    public static IReadOnlyDictionary<string, int> Months(IndexSearcher searcher, QuoteRequest request, SpeakerIdentities? speakers)
    {
        var counter = new StatementMonthCollector();
        searcher.Search(Filtered(null, request, speakers, except: null), counter);
        return counter.Counts;
    }

    private static Dictionary<string, int> Counts(IndexSearcher searcher, Query query, string field)
    {
        var counter = new StatementFacetCollector(field);
        searcher.Search(query, counter);
        return new Dictionary<string, int>(counter.Counts, StringComparer.Ordinal);
    }

    // The words' query narrowed by the scope and by every filter but the one of <paramref name="except"/>.
    private static Query Filtered(Query? words, QuoteRequest request, SpeakerIdentities? speakers, string? except)
    {
        var filters = new BooleanQuery();
        foreach (var facet in StatementDocuments.FacetFields.Where(f => f != except))
        {
            var values = request.FilterValues(facet);
            if (values.Count == 0)
                continue;
            var variants = facet == IndexSchema.Speaker && speakers is not null ? values.SelectMany(speakers.FilterValues).Distinct() : values;
            filters.Add(FacetValueQuery.AnyOf(facet, variants), Occur.MUST);
        }
        if (request.Dates is { } dates)
            filters.Add(dates.ToQuery(), Occur.MUST);
        Query matches = words ?? new MatchAllDocsQuery();
        if (request.Scope is { } scope)
            matches = new FilteredQuery(matches, scope.ToFilter());
        return filters.Clauses.Count == 0 ? matches : new FilteredQuery(matches, new QueryWrapperFilter(filters));
    }

    // Best match first, or newest first without words; then by article and paragraph, so that pages never overlap.
    private static Sort LuceneOrder(bool byScore)
    {
        var rest = new[]
        {
            new SortField(IndexSchema.Date, SortFieldType.INT64, true),
            new SortField(IndexSchema.ArticleId, SortFieldType.STRING),
            new SortField(IndexSchema.Paragraph, SortFieldType.INT64),
        };
        return new Sort(byScore ? [SortField.FIELD_SCORE, .. rest] : rest);
    }

    // The whole statement HTML-encoded, the query's words in <mark>.
    private static Func<string, string> Marker(Analyzer analyzer, Query? words)
    {
        if (words is null)
            return HtmlTextEncoder.Encode;
        var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen, MarkClose), HtmlTextEncoder.Instance, new QueryScorer(words, IndexSchema.Text))
        {
            TextFragmenter = new NullFragmenter(),
        };
        return text => highlighter.GetBestFragment(analyzer, IndexSchema.Text, text) ?? HtmlTextEncoder.Encode(text);
    }

    private static QuoteHit Hit(Lucene.Net.Documents.Document doc, Func<string, string> mark, float? score) => new(
        mark(doc.Get(IndexSchema.Text)),
        doc.Get(IndexSchema.Speaker),
        doc.Get(StatementDocuments.Verb),
        doc.Get(IndexSchema.ArticleId),
        HtmlTextEncoder.Encode(doc.Get(IndexSchema.Title) ?? ""),
        doc.GetField(IndexSchema.Paragraph).GetInt32Value() ?? 0,
        doc.Get(IndexSchema.Date),
        score);
}
