using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Core.Alerts;

/// <summary>
/// The percolator's matching: each paragraph of a searchable article becomes a one-document <see cref="MemoryIndex"/>
/// holding the very fields the index holds (<see cref="ParagraphDocuments.Build"/>, analysed by the index's analyzer),
/// and the alerts the presearcher picks are run against it. The suggestion fields, which no search reads, are left out.
/// </summary>
public sealed class AlertMatcher(Analyzer analyzer)
{
    private static readonly HashSet<string> Unsearched = new(StringComparer.Ordinal) { IndexSchema.Words, IndexSchema.Phrases };

    private readonly SnippetHighlighter snippets = new(analyzer);

    /// <summary>How many queries were run (after the presearcher), for the benchmark and the metrics.</summary>
    public long QueriesRun => Interlocked.Read(ref queriesRun);

    private long queriesRun;

    /// <summary>Every alert of <paramref name="alerts"/> that a paragraph of <paramref name="written"/> matches, with those paragraphs.</summary>
    public IReadOnlyList<AlertNotice> Match(SearchableArticle written, AlertPresearcher alerts)
    {
        var hits = new Dictionary<string, List<AlertHit>>(StringComparer.Ordinal);
        if (alerts.Count == 0)
            return [];
        var article = written.Article;
        var paragraph = 0;
        foreach (var document in ParagraphDocuments.Build(article, written.Facets, null))
        {
            paragraph++;
            var memory = Remember(document);
            var searcher = memory.CreateSearcher();
            var terms = Terms(searcher.IndexReader);
            foreach (var alert in alerts.Candidates(terms, article.Date))
            {
                Interlocked.Increment(ref queriesRun);
                var count = new TotalHitCountCollector();
                searcher.Search(alert.Matches, count);
                if (count.TotalHits == 0)
                    continue;
                if (!hits.TryGetValue(alert.Alert.Id, out var found))
                    hits[alert.Alert.Id] = found = [];
                found.Add(Hit(written, paragraph, alert));
            }
        }
        return hits.Select(h => new AlertNotice(h.Key, h.Value)).ToList();
    }

    private MemoryIndex Remember(Document document)
    {
        var memory = new MemoryIndex();
        foreach (var field in document.Fields.Where(f => f.IndexableFieldType.IsIndexed && !Unsearched.Contains(f.Name)).GroupBy(f => f.Name))
        {
            if (field.First().IndexableFieldType.IsTokenized)
                memory.AddField(field.Key, string.Join(' ', field.Select(f => f.GetStringValue())), analyzer);
            else
                memory.AddField(field.Key, memory.KeywordTokenStream(field.Select(f => f.GetStringValue()).ToList()));
        }
        return memory;
    }

    /// <summary>The paragraph's index terms, as <c>field:term</c>.</summary>
    private static HashSet<string> Terms(IndexReader reader)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var fields = MultiFields.GetFields(reader);
        if (fields is null)
            return terms;
        foreach (var field in fields)
        {
            var iterator = fields.GetTerms(field).GetEnumerator();
            while (iterator.MoveNext())
                terms.Add(PresearchTerms.Key(field, iterator.Term.Utf8ToString()));
        }
        return terms;
    }

    private AlertHit Hit(SearchableArticle written, int paragraph, AlertQuery alert)
    {
        var (article, facets) = (written.Article, written.Facets);
        var own = paragraph <= facets.Paragraphs.Count ? facets.Paragraphs[paragraph - 1] : Facets.ParagraphFacets.Empty;
        return new AlertHit(article.Id, paragraph, article.Title, snippets.Highlight(alert.Query, article.Paragraphs[paragraph - 1]),
            article.Date, own.Region, own.Topic, own.Speaker);
    }
}
