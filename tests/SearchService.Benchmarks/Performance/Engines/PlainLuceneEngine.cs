using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Benchmarks.Performance.Engines;

/// <summary>
/// The baseline: Lucene.Net 4.8 used the ordinary way, as a plain library. One thread adds one document per paragraph
/// (regions precomputed, so extraction is not in its build time); queries use the classic parser, a doc-values scan
/// for region counts and the stock Highlighter with its HTML encoder.
/// </summary>
public sealed class PlainLuceneEngine(string workFolder) : ISearchEngine
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly string indexPath = Path.Combine(workFolder, "plain-lucene");
    private readonly Analyzer analyzer = new EnglishAnalyzer(Version);
    private LuceneDirectory? directory;
    private DirectoryReader? reader;
    private IndexSearcher? searcher;

    public const string EngineName = "Lucene.Net (plain)";

    public string Name => EngineName;

    public long IndexBytes => DirectorySize.Of(indexPath);

    public void Build(string corpusFile, IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets)
    {
        directory = FSDirectory.Open(indexPath);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            for (var a = 0; a < articles.Count; a++)
            {
                var article = articles[a];
                for (var p = 0; p < article.Paragraphs.Count; p++)
                {
                    var doc = new Document
                    {
                        new StringField("id", $"{article.Id}#{p + 1}", Field.Store.YES),
                        new TextField("title", article.Title, Field.Store.YES),
                        new TextField("text", article.Paragraphs[p], Field.Store.YES),
                    };
                    foreach (var region in facets[a].Paragraphs[p].Region)
                    {
                        doc.Add(new StringField("region", region, Field.Store.YES));
                        doc.Add(new SortedSetDocValuesField("region", new BytesRef(region)));
                    }
                    writer.AddDocument(doc);
                }
            }
            writer.Commit();
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public QueryAnswer Run(BenchQuery query)
    {
        // A question's words are any of them, as the classic parser takes them by default.
        var parser = new QueryParser(Version, "text", analyzer) { DefaultOperator = query.Class == QueryClass.Question ? Operator.OR : Operator.AND };
        var parsed = parser.Parse(query.Class switch
        {
            QueryClass.Phrase => $"\"{query.First} {query.Second}\"",
            QueryClass.TwoTermAnd => $"{query.First} {query.Second}",
            _ => query.First,
        });
        var filtered = query.Region is null
            ? parsed
            : new FilteredQuery(parsed, new QueryWrapperFilter(new TermQuery(new Term("region", query.Region))));

        var top = TopScoreDocCollector.Create(10, true);
        var regions = new RegionCounter();
        searcher!.Search(filtered, MultiCollector.Wrap(top, regions));
        var hits = top.GetTopDocs().ScoreDocs;

        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(parsed, "text"));
        var snippetCharacters = 0;
        foreach (var hit in hits)
        {
            var text = searcher.Doc(hit.Doc).Get("text");
            snippetCharacters += (highlighter.GetBestFragment(analyzer, "text", text) ?? text).Length;
        }
        return new QueryAnswer(top.TotalHits, hits.Length, snippetCharacters, regions.Finish().Count);
    }

    public void Dispose()
    {
        reader?.Dispose();
        directory?.Dispose();
        analyzer.Dispose();
    }

    /// <summary>Region counts over all matches, the straightforward way: per-segment ordinals, merged by value.</summary>
    private sealed class RegionCounter : ICollector
    {
        private SortedSetDocValues? values;
        private int[] counts = [];
        private Dictionary<string, int> Counts { get; } = new();
        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            values = context.AtomicReader.GetSortedSetDocValues("region");
            counts = values is null ? [] : new int[values.ValueCount];
        }

        public void Collect(int doc)
        {
            if (values is null)
                return;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                counts[ord]++;
        }

        private void Flush()
        {
            if (values is null)
                return;
            var term = new BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                    continue;
                values.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                Counts[value] = Counts.GetValueOrDefault(value) + counts[ord];
            }
            values = null;
        }

        public Dictionary<string, int> Finish()
        {
            Flush();
            return Counts;
        }
    }
}
