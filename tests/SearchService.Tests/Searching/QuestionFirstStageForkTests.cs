using System.Runtime.CompilerServices;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Indexing;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>
/// A question's first stage counts its matches on another thread while it scores them when its words match many
/// paragraphs (<see cref="QuestionFirstStage.ForkFrom"/>): each collector must be fed exactly as on one thread, and a
/// failure of the counting side must surface as it does there and stop the scoring side, leaving nothing running.
/// </summary>
public sealed class QuestionFirstStageForkTests
{
    private const int SegmentCount = 3;
    private const int ParagraphsPerSegment = 2_000;

    /// <summary>Words by rising rarity: the first are in most paragraphs, the last in few.</summary>
    private static readonly string[] Vocabulary = Enumerable.Range(0, 60).Select(i => $"w{i}").ToArray();

    [Fact]
    public void A_question_over_several_segments_gives_the_same_candidates_scores_total_and_counts_side_by_side_as_on_one_thread()
    {
        using var directory = Index();
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(SegmentCount, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var random = new Random(21);
        for (var question = 0; question < 20; question++)
        {
            var query = Question(Enumerable.Range(0, random.Next(2, 7)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).Distinct());
            foreach (var depth in new[] { 1, 10, 100, QuestionRescorer.Depth })
            {
                var (alone, aloneCalls) = Collected(searcher, query, depth, forkFrom: long.MaxValue);
                var (sideBySide, sideBySideCalls) = Collected(searcher, query, depth, forkFrom: 0);

                Assert.True(aloneCalls.Count > 0);
                Assert.Equal(alone.TotalHits, sideBySide.TotalHits);
                Assert.Equal(alone.Best().Select(s => (s.Doc, s.Score)).Order(), sideBySide.Best().Select(s => (s.Doc, s.Score)).Order());
                Assert.Equal(aloneCalls, sideBySideCalls);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_timeout_or_failure_while_counting_surfaces_as_on_one_thread_and_stops_the_scoring(bool timesOut)
    {
        using var directory = Index();
        var postingsScored = new StrongBox<int>();
        using var segments = DirectoryReader.Open(directory);
        using var reader = new MultiReader(
            segments.Leaves.Select(IndexReader (leaf) => new SlowlyScoredSegment(leaf.AtomicReader, postingsScored)).ToArray(), closeSubReaders: false);
        var query = Question(Vocabulary[..4]);
        var unlimited = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        Assert.True(QuestionFirstStage.TryCollect(unlimited, query, new QuestionCandidateCollector(reader, QuestionRescorer.Depth), new RecordingCollector(), forkFrom: 0));
        var scoredWhole = postingsScored.Value;
        postingsScored.Value = 0;

        // A failure gets a budget it cannot reach: with 1 ms, a counting thread that starts late times out before it fails.
        var budget = timesOut ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromMinutes(1);
        var budgeted = new BudgetedIndexSearcher(reader, budget) { Similarity = new BM25Similarity() };
        // The counting thread may start late (the thread pool busy with other tests): the scoring is weighed from then.
        var scoredWhenCountingStarted = -1;
        var counted = new RecordingCollector(
            firstCollect: timesOut
                ? () => Thread.Sleep(100) // past the budget: the next match counted is refused
                : () => throw new InvalidOperationException("counting failed"),
            started: () => scoredWhenCountingStarted = postingsScored.Value);
        var thrown = Record.Exception(() =>
            QuestionFirstStage.TryCollect(budgeted, query, new QuestionCandidateCollector(reader, QuestionRescorer.Depth), counted, forkFrom: 0));

        Assert.IsType(timesOut ? typeof(QueryTimeoutException) : typeof(InvalidOperationException), thrown);
        var scoredWhenThrown = postingsScored.Value;
        var countedWhenThrown = counted.Calls.Count;
        Thread.Sleep(200);
        Assert.Equal(scoredWhenThrown, postingsScored.Value);
        Assert.Equal(countedWhenThrown, counted.Calls.Count);
        Assert.InRange(scoredWhenCountingStarted, 0, scoredWhenThrown);
        Assert.InRange(scoredWhenThrown - scoredWhenCountingStarted, 0, scoredWhole / 2);
    }

    private static (QuestionCandidateCollector Candidates, List<int> Calls) Collected(IndexSearcher searcher, Query query, int depth, long forkFrom)
    {
        var candidates = new QuestionCandidateCollector(searcher.IndexReader, depth);
        var counted = new RecordingCollector();
        Assert.True(QuestionFirstStage.TryCollect(searcher, query, candidates, counted, forkFrom: forkFrom));
        return (candidates, counted.Calls);
    }

    private static BooleanQuery Question(IEnumerable<string> words)
    {
        var query = new BooleanQuery();
        foreach (var word in words)
            query.Add(new TermQuery(new Term("text", word)), Occur.SHOULD);
        return query;
    }

    /// <summary>Paragraphs of words drawn more often the earlier they stand, a segment for each group, some deleted.</summary>
    private static RAMDirectory Index()
    {
        var directory = new RAMDirectory();
        var random = new Random(1987);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
            { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES, Similarity = new BM25Similarity() });
        for (var segment = 0; segment < SegmentCount; segment++)
        {
            for (var i = 0; i < ParagraphsPerSegment; i++)
            {
                var words = Enumerable.Range(0, random.Next(3, 40))
                    .Select(_ => Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 3))]);
                var id = $"{segment}-{i}";
                writer.AddDocument(
                [
                    new StringField("id", id, Field.Store.NO), new TextField("text", string.Join(' ', words), Field.Store.NO),
                    new SortedDocValuesField(IndexSchema.ArticleId, new BytesRef(id)), new NumericDocValuesField(IndexSchema.Paragraph, 0),
                ]);
                if (i % 97 == 0)
                    writer.DeleteDocuments(new Term("id", $"{segment}-{i / 2}"));
            }
            writer.Commit();
        }
        return directory;
    }

    /// <summary>Records the calls it is fed: a segment's start as minus its ordinal less one, a match as its number.</summary>
    private sealed class RecordingCollector(Action? firstCollect = null, Action? started = null) : ICollector
    {
        private bool collected;
        private bool begun;

        public List<int> Calls { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => throw new InvalidOperationException("counting reads no scores");

        public void SetNextReader(AtomicReaderContext context)
        {
            if (!begun)
            {
                begun = true;
                started?.Invoke();
            }
            Calls.Add(-context.Ord - 1);
        }

        public void Collect(int doc)
        {
            if (!collected)
            {
                collected = true;
                firstCollect?.Invoke();
            }
            Calls.Add(doc);
        }
    }

    /// <summary>
    /// A segment whose postings read with frequencies (scoring's; counting reads them without) take a millisecond every
    /// 32 documents, and are counted in <paramref name="read"/>.
    /// </summary>
    private sealed class SlowlyScoredSegment(AtomicReader segment, StrongBox<int> read) : FilterAtomicReader(segment)
    {
        public override Fields Fields => new SlowFields(base.Fields, read);

        private sealed class SlowFields(Fields fields, StrongBox<int> read) : FilterFields(fields)
        {
            public override Terms GetTerms(string field) => base.GetTerms(field) is { } terms ? new SlowTerms(terms, read) : null!;
        }

        private sealed class SlowTerms(Terms terms, StrongBox<int> read) : FilterTerms(terms)
        {
            public override TermsEnum GetEnumerator() => new SlowTermsEnum(base.GetEnumerator(), read);
        }

        private sealed class SlowTermsEnum(TermsEnum terms, StrongBox<int> read) : FilterTermsEnum(terms)
        {
            public override DocsEnum Docs(IBits liveDocs, DocsEnum reuse, DocsFlags flags) =>
                flags == DocsFlags.NONE ? base.Docs(liveDocs, reuse, flags) : new SlowDocs(base.Docs(liveDocs, null, flags), read);
        }

        private sealed class SlowDocs(DocsEnum docs, StrongBox<int> read) : FilterDocsEnum(docs)
        {
            public override int NextDoc()
            {
                Read();
                return base.NextDoc();
            }

            public override int Advance(int target)
            {
                Read();
                return base.Advance(target);
            }

            private void Read()
            {
                if (Interlocked.Increment(ref read.Value) % 32 == 0)
                    Thread.Sleep(1);
            }
        }
    }
}
