using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>
/// <see cref="IndexVocabulary"/> reads every word of a search through one enumerator per segment and field; its figures
/// must stay the reader's own, whatever order the words come in and whichever segments hold them.
/// </summary>
public sealed class IndexVocabularyTests
{
    [Fact]
    public void Document_frequencies_looked_up_in_any_order_over_several_segments_and_fields_are_the_readers_own()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
               { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES }))
        {
            // Three segments, each its own words, and a deletion that the figures still count (as Lucene's do).
            foreach (var segment in new[] { new[] { "wheat exports rose", "wheat prices fell" }, ["oil prices rose", "copper"], ["zinc wheat", "oil oil"] })
            {
                foreach (var text in segment)
                    writer.AddDocument(new Document { new TextField("text", text, Field.Store.NO), new TextField("title", text.Split(' ')[0], Field.Store.NO) });
                writer.Commit();
            }
            writer.DeleteDocuments(new Term("text", "copper"));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(3, reader.Leaves.Count);
        var vocabulary = new IndexVocabulary(reader);

        Term[] asked =
        [
            new("text", "zinc"), new("text", "wheat"), new("title", "oil"), new("text", "absent"), new("text", "copper"),
            new("text", "oil"), new("text", "aaa"), new("nofield", "wheat"), new("text", "rose"), new("title", "wheat"),
            new("text", "zzz"), new("text", "wheat"), new("text", "exports"), new("title", "copper"),
        ];
        foreach (var term in asked)
            Assert.Equal((term, reader.DocFreq(term)), (term, vocabulary.DocFreq(term)));
        Assert.Equal(3, vocabulary.DocFreq(new Term("text", "wheat")));
    }
}
