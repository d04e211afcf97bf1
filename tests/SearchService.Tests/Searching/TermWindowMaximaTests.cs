using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

/// <summary>
/// What a question's first stage passes windows of documents over by (<see cref="TermWindowMaxima"/>, through
/// <see cref="WordBound"/>): no paragraph in a window may score above its window's bound, whatever the index held when
/// the bound was worked out, and the bounds must be tighter than the word's bound over the whole index to be of use.
/// </summary>
public sealed class TermWindowMaximaTests : IDisposable
{
    /// <summary>What the first stage raises a bound by, against rounding.</summary>
    private const float Margin = 1.001f;

    /// <summary>Words by rising rarity: the first are in most paragraphs, the last in few.</summary>
    private static readonly string[] Vocabulary = Enumerable.Range(0, 40).Select(i => $"w{i}").ToArray();

    private readonly RAMDirectory directory = new();
    private readonly IndexWriter writer;
    private readonly Random random = new(128);

    public TermWindowMaximaTests() =>
        writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
            { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES, Similarity = new BM25Similarity() });

    public void Dispose()
    {
        writer.Dispose();
        directory.Dispose();
    }

    /// <summary>A segment of paragraphs of <paramref name="shortest"/> to <paramref name="longest"/> words, some deleted.</summary>
    private void AddSegment(int paragraphs, int shortest, int longest)
    {
        for (var i = 0; i < paragraphs; i++)
        {
            var words = Enumerable.Range(0, random.Next(shortest, longest + 1))
                .Select(_ => Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 3))]);
            var id = Guid.NewGuid().ToString("N");
            writer.AddDocument([new StringField("id", id, Field.Store.NO), new TextField("text", string.Join(' ', words), Field.Store.NO)]);
            if (i % 89 == 0)
                writer.DeleteDocuments(new Term("id", id));
        }
        writer.Commit();
    }

    private static IndexSearcher Searcher(DirectoryReader reader) => new(reader) { Similarity = new BM25Similarity() };

    /// <summary>Each paragraph's score for the word against its window's bound in <paramref name="leaf"/>.</summary>
    private static List<(float Score, float Bound)> ScoresAndBounds(IndexSearcher searcher, AtomicReaderContext leaf, string word, float boost = 1f)
    {
        var query = new TermQuery(new Term("text", word)) { Boost = boost };
        var bound = WordBound.Of(searcher, new TermStates(searcher.TopReaderContext), query, 1f, [])!;
        var windows = new float[TermWindowMaxima.WindowCount(leaf.AtomicReader.MaxDoc)];
        bound.AddWindows(windows, searcher, leaf);
        var scorer = searcher.CreateNormalizedWeight(query).GetScorer(leaf, null);
        var found = new List<(float, float)>();
        if (scorer is null)
            return found;
        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            found.Add((scorer.GetScore(), windows[doc >> TermWindowMaxima.WindowShift]));
        Assert.All(windows, w => Assert.True(w <= bound.Score * Margin, $"window bound {w} above the word's {bound.Score}"));
        return found;
    }

    [Fact]
    public void No_paragraph_scores_above_its_windows_bound_for_common_or_rare_words_under_a_boost()
    {
        AddSegment(1_000, 2, 30);
        AddSegment(700, 1, 60);
        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);

        foreach (var leaf in reader.Leaves)
        {
            foreach (var (word, boost) in new[] { ("w0", 1f), ("w3", 2.5f), ("w20", 1f), ("w39", 0.3f) })
            {
                var found = ScoresAndBounds(searcher, leaf, word, boost);
                Assert.NotEmpty(found);
                Assert.All(found, f => Assert.True(f.Score <= f.Bound * Margin, $"{word}: {f.Score} above its window's {f.Bound}"));
            }
        }
    }

    [Fact]
    public void A_word_once_in_each_paragraph_of_one_length_is_bounded_at_under_half_its_whole_weight()
    {
        // BM25 gives such a word 1 / (1 + k1) of its whole weight (k1 = 1.2): its whole weight needs a frequency no paragraph has.
        for (var i = 0; i < 3 * TermWindowMaxima.WindowSize; i++)
            writer.AddDocument([new TextField("text", "w0 " + string.Join(' ', Vocabulary[1..10]), Field.Store.NO)]);
        writer.Commit();
        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);
        var whole = WordBound.Of(searcher, new TermStates(searcher.TopReaderContext), new TermQuery(new Term("text", "w0")), 1f, [])!.Score;

        var found = ScoresAndBounds(searcher, reader.Leaves[0], "w0");

        Assert.Equal(3 * TermWindowMaxima.WindowSize, found.Count);
        Assert.All(found, f => Assert.InRange(f.Bound, f.Score, 0.5f * whole));
    }

    [Fact]
    public void A_window_without_the_word_is_bounded_at_zero()
    {
        AddSegment(3 * TermWindowMaxima.WindowSize, 2, 10);
        // A window of paragraphs of a word no other paragraph has, then a window without it.
        for (var i = 0; i < 2 * TermWindowMaxima.WindowSize; i++)
            writer.AddDocument([new TextField("text", i < TermWindowMaxima.WindowSize ? "zebra w0" : "w1 w2", Field.Store.NO)]);
        writer.Commit();
        using var reader = DirectoryReader.Open(directory);
        var searcher = Searcher(reader);
        var leaf = reader.Leaves[1];
        var bound = WordBound.Of(searcher, new TermStates(searcher.TopReaderContext), new TermQuery(new Term("text", "zebra")), 1f, [])!;
        var windows = new float[TermWindowMaxima.WindowCount(leaf.AtomicReader.MaxDoc)];

        bound.AddWindows(windows, searcher, leaf);

        Assert.Equal(2, windows.Length);
        Assert.True(windows[0] > 0);
        Assert.Equal(0f, windows[1]);
    }

    [Fact]
    public void Bounds_worked_out_before_longer_paragraphs_were_added_still_hold_after()
    {
        AddSegment(1_500, 1, 12);
        using var before = DirectoryReader.Open(directory);
        var searcher = Searcher(before);
        foreach (var word in new[] { "w0", "w5" })
            ScoresAndBounds(searcher, before.Leaves[0], word);
        // Longer paragraphs raise the field's average length, and with it every paragraph's score for a word; the
        // reopened reader shares the first segment (its bounds kept) as the service's refreshes do.
        AddSegment(1_500, 60, 120);
        using var after = DirectoryReader.OpenIfChanged(before)!;
        Assert.Same(before.Leaves[0].AtomicReader.CoreCacheKey, after.Leaves[0].AtomicReader.CoreCacheKey);
        var afterSearcher = Searcher(after);

        foreach (var word in new[] { "w0", "w5" })
        {
            var found = ScoresAndBounds(afterSearcher, after.Leaves[0], word);
            Assert.All(found, f => Assert.True(f.Score <= f.Bound * Margin, $"{word}: {f.Score} above its window's {f.Bound}"));
        }
    }
}
