using SearchService.Core.Corpus;
using SearchService.Core.Searching;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>
/// A question's feedback paragraphs when a shard's candidates are cut: each shard scores its word pairs with the query
/// phase, before the gatherer knows which of its candidates the best of all shards take.
/// </summary>
public sealed class ShardedQuestionFeedbackTests
{
    private const string Question = "why do glaciers melt in the summer valley";

    /// <summary>
    /// Every paragraph has the question's four words once in 44 words, so all score alike by the words alone and the
    /// best 1,000 are taken by article id. One shard holds "aaa" (scattered words) and "zzz" (ten paragraphs with the
    /// words side by side), the other 100 articles of ten paragraphs (scattered): the best 1,000 are "aaa" and 999 of
    /// the others, and "zzz" is cut though its word pairs would make it the first shard's best. The feedback paragraphs
    /// are "aaa" and nine others, so the first shard must give "aaa"'s text though ten of its candidates beat it.
    /// </summary>
    [Fact]
    public async Task A_shard_gives_its_feedback_paragraph_though_candidates_cut_from_the_best_of_all_beat_it()
    {
        var router = new ShardRouter(2);
        var first = IdsOn(router, 0, "aaa", 1).Single();
        var cut = IdsOn(router, 0, "zzz", 1).Single();
        var others = IdsOn(router, 1, "mmm", 100);
        var scattered = Paragraph(string.Join(' ', Enumerable.Repeat("pebbles", 12)));
        var together = Paragraph("");
        var articles = others.Select(id => Article(id, Enumerable.Repeat(scattered, 10)))
            .Prepend(Article(cut, Enumerable.Repeat(together, 10)))
            .Prepend(Article(first, [scattered]))
            .ToList();
        using var indexes = new ShardedIndexes(2, articles);
        var request = new SearchRequest(Question, PageSize: 20);

        var expected = indexes.SearcherOverOneIndex().Search(request);
        var actual = await indexes.SearcherOverShards().SearchAsync(request);

        Assert.Equal(1011, expected.Total);
        Assert.Empty(AnswerDifferences.Of(Question, expected, actual));
    }

    /// <summary>The question's words with <paramref name="between"/> between each two, padded to 44 words.</summary>
    private static string Paragraph(string between)
    {
        var words = string.Join($" {between} ", ["glaciers", "melt", "summer", "valley"]).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        return string.Join(' ', words.Concat(Enumerable.Repeat("pebbles", 44 - words.Count)));
    }

    private static Article Article(string id, IEnumerable<string> paragraphs) => new(id, "Field notes", paragraphs.ToList(), new DateTimeOffset(1987, 3, 2, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The first <paramref name="count"/> ids beginning with <paramref name="prefix"/> that the router puts on <paramref name="shard"/>.</summary>
    private static List<string> IdsOn(ShardRouter router, int shard, string prefix, int count) =>
        Enumerable.Range(0, int.MaxValue).Select(n => $"{prefix}-{n:D4}").Where(id => router.ShardOf(id) == shard).Take(count).ToList();
}
