using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>
/// <see cref="TermStates"/> looks a search's terms up through one enumerator per segment and field and keeps them for
/// the search: its states must be those <see cref="TermContext.Build"/> gives, whatever order the terms come in, and a
/// term query given them must score as one without in their reader, and only there (why they live for one search).
/// </summary>
public sealed class TermStatesTests
{
    private static readonly string[][] Segments =
        [["wheat exports rose", "wheat prices fell"], ["oil prices rose", "copper"], ["zinc wheat wheat", "oil oil"]];

    [Fact]
    public void States_looked_up_in_any_order_over_several_segments_and_fields_are_those_lucene_builds()
    {
        using var directory = Index(Segments);
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(3, reader.Leaves.Count);
        var states = new TermStates(reader.Context);

        Term[] asked =
        [
            new("text", "zinc"), new("text", "wheat"), new("title", "oil"), new("text", "absent"), new("text", "copper"),
            new("text", "oil"), new("text", "aaa"), new("nofield", "wheat"), new("text", "rose"), new("title", "wheat"),
            new("text", "zzz"), new("text", "wheat"), new("text", "exports"), new("title", "copper"),
        ];
        foreach (var term in asked)
            Assert.Equal(Described(TermContext.Build(reader.Context, term), reader), Described(states.Of(term), reader));
        Assert.Same(states.Of(new Term("text", "wheat")), states.Of(new Term("text", "wheat")));
    }

    [Fact]
    public void A_term_query_given_the_states_scores_as_lucene_scores_it_in_their_reader_and_with_stale_figures_in_a_reader_opened_after_a_change()
    {
        using var directory = Index(Segments);
        using var before = DirectoryReader.Open(directory);
        var states = new TermStates(before.Context);
        var term = new Term("text", "wheat");
        var stated = new TermQuery(term, states.Of(term)) { Boost = 0.5f };

        Assert.Equal(Scores(before, new TermQuery(term) { Boost = 0.5f }), Scores(before, stated));

        using (var writer = Writer(directory))
        {
            writer.AddDocument(Paragraph("wheat wheat wheat"));
            writer.DeleteDocuments(new Term("text", "zinc"));
        }
        using var after = DirectoryReader.OpenIfChanged(before)!;
        // The states are of the reader before: in the reader after, their document frequency is kept (the new states
        // give the reader's own scores).
        Assert.NotEqual(Scores(after, new TermQuery(term) { Boost = 0.5f }), Scores(after, stated));
        var renewed = new TermStates(after.Context);
        Assert.Equal(Scores(after, new TermQuery(term) { Boost = 0.5f }), Scores(after, new TermQuery(term, renewed.Of(term)) { Boost = 0.5f }));
    }

    private static string Described(TermContext context, IndexReader reader) =>
        $"{context.DocFreq} {context.TotalTermFreq} " + string.Join(" | ", reader.Leaves.Select(leaf => context.Get(leaf.Ord)?.ToString() ?? "none"));

    private static List<(int Doc, float Score)> Scores(IndexReader reader, Query query) =>
        new IndexSearcher(reader).Search(query, 10).ScoreDocs.Select(s => (s.Doc, s.Score)).ToList();

    /// <summary>An index of a segment for each group of paragraphs.</summary>
    private static RAMDirectory Index(string[][] segments)
    {
        var directory = new RAMDirectory();
        using var writer = Writer(directory);
        foreach (var segment in segments)
        {
            foreach (var text in segment)
                writer.AddDocument(Paragraph(text));
            writer.Commit();
        }
        return directory;
    }

    private static IndexWriter Writer(RAMDirectory directory) =>
        new(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
            { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES, Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() });

    private static Document Paragraph(string text) =>
        [new TextField("text", text, Field.Store.NO), new TextField("title", text.Split(' ')[0], Field.Store.NO)];
}
