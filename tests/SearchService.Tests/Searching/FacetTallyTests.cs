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

/// <summary>A facet's top values: the highest counts first, ties in value order, at any size.</summary>
public sealed class FacetTallyTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly FSDirectory directory;
    private readonly DirectoryReader reader;

    public FacetTallyTests()
    {
        directory = FSDirectory.Open(folder.Path);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.Version, new KeywordAnalyzer())))
        {
            // Forty regions with 0-6 paragraphs each, in no order of count, so that many counts tie and every place of
            // the kept values is entered at some point; two segments, so that ordinals are mapped to global ones.
            var random = new Random(2112);
            for (var value = 0; value < 40; value++)
            {
                var paragraphs = random.Next(0, 7);
                for (var p = 0; p < paragraphs; p++)
                {
                    writer.AddDocument(Paragraph($"region {value:D2}"));
                    if (value == 20 && p == 0)
                        writer.Commit();
                }
            }
        }
        reader = DirectoryReader.Open(directory);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(33)]
    [InlineData(1000)]
    public void Top_values_are_the_highest_counts_then_the_first_values(int size)
    {
        using var tally = CountRegions();
        var expected = tally.All()
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(size)
            .Select(kv => new FacetValue(kv.Key, kv.Value));

        Assert.Equal(expected, tally.Top(size));
    }

    private FacetTally CountRegions()
    {
        var collector = new FacetCountsCollector(reader, [IndexSchema.Region]);
        new IndexSearcher(reader).Search(new MatchAllDocsQuery(), collector);
        return collector.TallyOf(IndexSchema.Region);
    }

    private static Document Paragraph(string region) => new()
    {
        new StringField("id", Guid.NewGuid().ToString("N"), Field.Store.YES),
        new SortedSetDocValuesField(IndexSchema.Region, new BytesRef(region)),
    };

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        folder.Dispose();
    }
}
