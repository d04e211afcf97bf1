using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>The time budget kept while matches are collected, over a real Lucene index of one segment in memory.</summary>
public sealed class DeadlineCollectorTests : IDisposable
{
    private const int Documents = 10_000;

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;

    public DeadlineCollectorTests()
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexSchema.Version, new WhitespaceAnalyzer(IndexSchema.Version))))
        {
            for (var i = 0; i < Documents; i++)
                writer.AddDocument([new StringField("id", i.ToString(), Field.Store.NO)]);
            writer.ForceMerge(1);
        }
        reader = DirectoryReader.Open(directory);
    }

    /// <summary>Counts what it is given; the first match takes <paramref name="firstTakes"/>.</summary>
    private sealed class SlowStartCounter(TimeSpan firstTakes) : ICollector
    {
        public int Collected { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public void Collect(int doc)
        {
            if (Collected++ == 0)
                Thread.Sleep(firstTakes);
        }
    }

    [Fact]
    public void Every_match_is_collected_within_the_budget()
    {
        var counter = new SlowStartCounter(TimeSpan.Zero);

        new IndexSearcher(reader).Search(new MatchAllDocsQuery(), new DeadlineCollector(counter, TimeSpan.FromMinutes(1)));

        Assert.Equal(Documents, counter.Collected);
    }

    [Fact]
    public void Collection_stops_within_so_many_matches_of_the_budget_running_out()
    {
        var counter = new SlowStartCounter(TimeSpan.FromMilliseconds(20));

        var stopped = Assert.Throws<QueryTimeoutException>(() =>
            new IndexSearcher(reader).Search(new MatchAllDocsQuery(), new DeadlineCollector(counter, TimeSpan.FromMilliseconds(5))));

        Assert.Equal(DeadlineCollector.CheckEvery - 1, counter.Collected);
        Assert.Equal(TimeSpan.FromMilliseconds(5), stopped.Budget);
    }

    [Fact]
    public void A_collection_that_starts_past_its_budget_collects_nothing()
    {
        var counter = new SlowStartCounter(TimeSpan.Zero);
        var collector = new DeadlineCollector(counter, TimeSpan.FromMilliseconds(1));
        Thread.Sleep(5);

        Assert.Throws<QueryTimeoutException>(() => new IndexSearcher(reader).Search(new MatchAllDocsQuery(), collector));
        Assert.Equal(0, counter.Collected);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
