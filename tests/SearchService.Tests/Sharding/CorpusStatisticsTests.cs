using Lucene.Net.Index;
using SearchService.Core.Indexing;
using SearchService.Core.Sharding;

namespace SearchService.Tests.Sharding;

/// <summary>The statistics BM25 scores with, summed over shards, are those of one index of all their articles.</summary>
public sealed class CorpusStatisticsTests : IDisposable
{
    private static readonly Term[] Terms =
    [
        new(IndexSchema.Text, "yen"), new(IndexSchema.Title, "trade"), new(IndexSchema.Text, "minist"),
        new(IndexSchema.Text, "bundesbank"), new(IndexSchema.Text, "unheard"),
    ];

    private readonly ShardedIndexes indexes = new(3, SampleArticles.All);

    [Fact]
    public void Summed_statistics_are_those_of_one_index_of_every_article()
    {
        var single = indexes.SingleIndex.Search(searcher => CorpusStatistics.Of(searcher, Terms));

        var summed = CorpusStatistics.Sum(indexes.ShardIndexes.Select(shard => shard.Search(searcher => CorpusStatistics.Of(searcher, Terms))));

        Assert.Equal(single.MaxDoc, summed.MaxDoc);
        Assert.Equal(single.Terms.OrderBy(t => (t.Field, t.Text)), summed.Terms.OrderBy(t => (t.Field, t.Text)));
        Assert.Equal(single.Fields.OrderBy(f => f.Field), summed.Fields.OrderBy(f => f.Field));
    }

    [Fact]
    public void A_deleted_article_its_segment_still_holds_counts_in_no_figure()
    {
        using var withDeleted = new ShardedIndexes(3, SampleArticles.All, deletedFromShards: [SampleArticles.Withdrawn]);
        var single = withDeleted.SingleIndex.Search(searcher => CorpusStatistics.Of(searcher, Terms));

        var summed = CorpusStatistics.Sum(withDeleted.ShardIndexes.Select(shard => shard.Search(searcher => CorpusStatistics.Of(searcher, Terms))));

        Assert.Equal(SampleArticles.Withdrawn.Paragraphs.Count, withDeleted.DeletedParagraphsHeld);
        Assert.Equal(single.MaxDoc, summed.MaxDoc);
        Assert.Equal(single.Terms.OrderBy(t => (t.Field, t.Text)), summed.Terms.OrderBy(t => (t.Field, t.Text)));
        Assert.Equal(single.Fields.OrderBy(f => f.Field), summed.Fields.OrderBy(f => f.Field));
    }

    [Fact]
    public void A_term_in_no_paragraph_has_no_figures()
    {
        var statistics = indexes.SingleIndex.Search(searcher => CorpusStatistics.Of(searcher, Terms));

        Assert.DoesNotContain(statistics.Terms, t => t.Text == "unheard");
        Assert.Contains(statistics.Terms, t => t.Text == "bundesbank");
    }

    [Fact]
    public void A_shard_gives_the_figures_of_the_fields_its_terms_are_in_and_of_no_other()
    {
        var statistics = indexes.ShardIndexes[0].Search(searcher => CorpusStatistics.Of(searcher, Terms));

        Assert.Equal([IndexSchema.Text, IndexSchema.Title], statistics.Fields.Select(f => f.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Figures_of_more_terms_bring_their_fields_with_them()
    {
        var text = indexes.SingleIndex.Search(searcher => CorpusStatistics.Of(searcher, [new Term(IndexSchema.Text, "yen")]));
        var title = indexes.SingleIndex.Search(searcher => CorpusStatistics.Of(searcher, [new Term(IndexSchema.Title, "trade")]));

        var both = text.With(title);

        Assert.Equal([IndexSchema.Text, IndexSchema.Title], both.Fields.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.Equal(["trade", "yen"], both.Terms.Select(t => t.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_figure_one_shard_does_not_keep_is_unknown_in_the_sum()
    {
        var kept = new CorpusStatistics(10, [new TermFigures("region", "Japan", 2, 2)], [new FieldFigures("region", 4, 6, 5)]);
        var notKept = new CorpusStatistics(20, [new TermFigures("region", "Japan", 3, -1)], [new FieldFigures("region", 7, -1, 9)]);

        var sum = CorpusStatistics.Sum([kept, notKept]);

        Assert.Equal(30, sum.MaxDoc);
        Assert.Equal(new TermFigures("region", "Japan", 5, -1), Assert.Single(sum.Terms));
        Assert.Equal(new FieldFigures("region", 11, -1, 14), Assert.Single(sum.Fields));
    }

    public void Dispose() => indexes.Dispose();
}
