using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SearchService.Core.Indexing;

namespace SearchService.Core.Alerts;

/// <summary>
/// Paragraphs that became searchable together, as a small in-memory index of their own, for the percolator to run
/// each alert once against all of them (Lucene Monitor's document batch; Luwak's before it): the same documents the
/// index holds (<see cref="ParagraphDocuments.Build"/>), written by an index writer with the index's analyzer, so a
/// query matches here exactly the paragraphs <c>/search</c> would find. The suggestion fields, which no search reads,
/// are left out. Never merged, so the batch's document numbers follow the order paragraphs were added in.
/// </summary>
public sealed class ParagraphBatch : IDisposable
{
    private static readonly string[] Unsearched = [IndexSchema.Words, IndexSchema.Phrases];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly List<(int Article, int Paragraph)> sources = [];

    public ParagraphBatch(IReadOnlyList<SearchableArticle> articles, Analyzer analyzer)
    {
        Articles = articles;
        var config = new IndexWriterConfig(IndexSchema.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var a = 0; a < articles.Count; a++)
            {
                var paragraph = 0;
                foreach (var document in ParagraphDocuments.Build(articles[a].Article, articles[a].Facets, null))
                {
                    foreach (var name in Unsearched)
                        document.RemoveFields(name);
                    // Added at once: the documents built reuse their exact-term fields from one paragraph to the next.
                    writer.AddDocument(document);
                    sources.Add((a, ++paragraph));
                }
            }
            writer.Commit();
        }
        reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(reader);
        Terms = IndexTerms(reader);
    }

    /// <summary>The articles, in the order their paragraphs were added.</summary>
    public IReadOnlyList<SearchableArticle> Articles { get; }

    public IndexSearcher Searcher { get; }

    /// <summary>Every index term of the batch's paragraphs, as <c>field:term</c> (<see cref="PresearchTerms.Key"/>).</summary>
    public IReadOnlySet<string> Terms { get; }

    /// <summary>How many paragraphs the batch holds.</summary>
    public int Paragraphs => sources.Count;

    /// <summary>Which article (its place in <see cref="Articles"/>) and paragraph (from 1) a document of the batch is.</summary>
    public (int Article, int Paragraph) Source(int document) => sources[document];

    /// <summary>The batch's documents that <paramref name="query"/> matches, in order.</summary>
    public IReadOnlyList<int> Matching(Query query)
    {
        var matching = new MatchingDocuments();
        Searcher.Search(query, matching);
        return matching.Documents;
    }

    private static HashSet<string> IndexTerms(IndexReader reader)
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

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
