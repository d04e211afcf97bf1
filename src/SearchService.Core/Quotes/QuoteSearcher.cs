using System.Diagnostics;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Quotes;

/// <summary>
/// Answers <c>/quotes</c> from the statements beside the index (<see cref="StatementIndex"/>): statements whose text has
/// all the query's words, ranked by BM25 on that text as <c>/search</c> ranks paragraphs (newest first without words),
/// narrowed by the request's filters and a scoped key's scope, with the facets speaker, region, topic and verb each
/// counted with every filter but its own (multi-select), as <c>/search</c> counts them.
/// </summary>
public sealed class QuoteSearcher(SearchIndex index)
{
    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";

    public QuoteResult Search(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var words = string.IsNullOrWhiteSpace(request.Query)
            ? null
            : new QueryBuilder(index.Analyzer).CreateBooleanQuery(IndexSchema.Text, request.Query, Occur.MUST);
        var speakers = index.SpeakerIdentities.Table;
        return index.SearchStatements(searcher =>
        {
            var top = searcher.Search(Filtered(words, request, speakers, except: null), null, request.Page * request.PageSize,
                Order(words is not null), doDocScores: words is not null, doMaxScore: false);
            var mark = Marker(words);
            var hits = top.ScoreDocs.Skip((request.Page - 1) * request.PageSize)
                .Select(d => Hit(searcher.Doc(d.Doc), mark, words is null ? null : d.Score))
                .ToList();
            var facets = StatementDocuments.FacetFields.ToDictionary(f => f,
                f => Count(searcher, Filtered(words, request, speakers, except: f), f, request.FacetSize, request.FilterValues(f)));
            return new QuoteResult(top.TotalHits, request.Page, request.PageSize, clock.Elapsed.TotalMilliseconds, hits, facets);
        });
    }

    /// <summary>The values of <paramref name="field"/> over the statements <paramref name="query"/> matches, most frequent first (ties by value), the <paramref name="selected"/> ones always among them.</summary>
    internal static IReadOnlyList<FacetValue> Count(IndexSearcher searcher, Query query, string field, int size, IReadOnlyList<string> selected)
    {
        var counter = new StatementFacetCollector(field);
        searcher.Search(query, counter);
        var counts = counter.Counts;
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(size)
            .Select(c => new FacetValue(c.Key, c.Value)).ToList();
        foreach (var value in selected.Where(v => !top.Exists(t => t.Value == v)))
            top.Add(new FacetValue(value, counts.GetValueOrDefault(value)));
        return top;
    }

    // The words' query narrowed by the scope and by every filter but the one of <paramref name="except"/>.
    internal static Query Filtered(Query? words, QuoteRequest request, SpeakerIdentities? speakers, string? except)
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
    private static Sort Order(bool byScore)
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
    private Func<string, string> Marker(Query? words)
    {
        if (words is null)
            return HtmlTextEncoder.Encode;
        var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkOpen, MarkClose), HtmlTextEncoder.Instance, new QueryScorer(words, IndexSchema.Text))
        {
            TextFragmenter = new NullFragmenter(),
        };
        return text => highlighter.GetBestFragment(index.Analyzer, IndexSchema.Text, text) ?? HtmlTextEncoder.Encode(text);
    }

    internal static QuoteHit Hit(Document doc, Func<string, string> mark, float? score) => new(
        mark(doc.Get(IndexSchema.Text)),
        doc.Get(IndexSchema.Speaker),
        doc.Get(StatementDocuments.Verb),
        doc.Get(IndexSchema.ArticleId),
        HtmlTextEncoder.Encode(doc.Get(IndexSchema.Title) ?? ""),
        doc.GetField(IndexSchema.Paragraph).GetInt32Value() ?? 0,
        doc.Get(IndexSchema.Date),
        score);
}
