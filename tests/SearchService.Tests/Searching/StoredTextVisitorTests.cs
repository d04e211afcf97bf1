using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary><see cref="StoredTextVisitor"/> reads a paragraph's text alone, wherever it stands among the stored fields.</summary>
public sealed class StoredTextVisitorTests
{
    [Fact]
    public void The_stored_text_is_read_whatever_fields_are_stored_before_and_after_it_and_none_is_empty()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.AddDocument(new Document
            {
                new StringField(IndexSchema.ArticleId, "a-1", Field.Store.YES), new StoredField(IndexSchema.Region, "asia"),
                new TextField(IndexSchema.Text, "Wheat exports rose.", Field.Store.YES), new StoredField(IndexSchema.Region, "europe"),
                new TextField(IndexSchema.Title, "Wheat", Field.Store.YES),
            });
            writer.AddDocument(new Document { new TextField(IndexSchema.Text, "Prices fell.", Field.Store.YES) });
            writer.AddDocument(new Document { new StringField(IndexSchema.ArticleId, "a-3", Field.Store.YES) });
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        Assert.Equal(["Wheat exports rose.", "Prices fell.", ""], Enumerable.Range(0, 3).Select(doc => StoredTextVisitor.Read(searcher, doc)));
    }
}
