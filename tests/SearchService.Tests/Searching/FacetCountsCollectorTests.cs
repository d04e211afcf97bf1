using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Searching;

/// <summary>Facet counting reads a segment's ordinals from memory once built, and its doc values until then; both count alike.</summary>
public sealed class FacetCountsCollectorTests : IDisposable
{
    private static readonly Dictionary<string, int> Expected = new() { ["Pakistan"] = 2, ["Russia"] = 1, ["Afghanistan"] = 1 };

    private readonly TempDirectory folder = new();
    private readonly FSDirectory directory;
    private readonly DirectoryReader reader;

    public FacetCountsCollectorTests()
    {
        directory = FSDirectory.Open(folder.Path);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.Version, new KeywordAnalyzer())))
        {
            // Two segments, one with a paragraph that has no region.
            writer.AddDocument(Paragraph("Pakistan", "Russia"));
            writer.AddDocument(Paragraph("Pakistan"));
            writer.Commit();
            writer.AddDocument(Paragraph());
            writer.AddDocument(Paragraph("Afghanistan"));
        }
        reader = DirectoryReader.Open(directory);
    }

    [Fact]
    public void Counts_from_the_doc_values_before_the_segments_are_built()
    {
        Assert.All(reader.Leaves, leaf => Assert.False(SegmentOrdinals.TryGet(leaf.AtomicReader, IndexSchema.Region, out _)));
        Assert.Equal(Expected, CountRegions());
    }

    [Fact]
    public void Counts_from_memory_once_the_segments_are_built()
    {
        SegmentOrdinals.Build(reader, [IndexSchema.Region]);

        Assert.All(reader.Leaves, leaf => Assert.True(SegmentOrdinals.TryGet(leaf.AtomicReader, IndexSchema.Region, out var built) && built is not null));
        Assert.Equal(Expected, CountRegions());
    }

    [Fact]
    public void Counts_from_memory_in_one_segment_whose_ordinals_are_global()
    {
        using var merged = new TempDirectory();
        using var mergedDirectory = FSDirectory.Open(merged.Path);
        using (var writer = new IndexWriter(mergedDirectory, new IndexWriterConfig(IndexSchema.Version, new KeywordAnalyzer())))
            writer.AddIndexes(reader);
        using var one = DirectoryReader.Open(mergedDirectory);
        SegmentOrdinals.Build(one, [IndexSchema.Region]);

        Assert.True(FacetOrdinals.For(one, IndexSchema.Region).SegmentOrdsAreGlobal);
        Assert.Equal(Expected, CountRegions(one));
    }

    private Dictionary<string, int> CountRegions() => CountRegions(reader);

    private static Dictionary<string, int> CountRegions(IndexReader reader)
    {
        var collector = new FacetCountsCollector(reader, [IndexSchema.Region]);
        new IndexSearcher(reader).Search(new MatchAllDocsQuery(), collector);
        using var tally = collector.TallyOf(IndexSchema.Region);
        return tally.All();
    }

    private static Document Paragraph(params string[] regions)
    {
        var doc = new Document { new StringField("id", Guid.NewGuid().ToString("N"), Field.Store.YES) };
        foreach (var region in regions)
            doc.Add(new SortedSetDocValuesField(IndexSchema.Region, new BytesRef(region)));
        return doc;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        folder.Dispose();
    }
}
