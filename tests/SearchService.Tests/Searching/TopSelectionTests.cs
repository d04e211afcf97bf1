using SearchService.Core.Searching;

namespace SearchService.Tests.Searching;

public sealed class TopSelectionTests
{
    [Fact]
    public void Best_gives_the_same_items_in_the_same_order_as_a_full_sort()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 500).Select(_ => random.Next(100)).ToList();

        var best = TopSelection.Best(items, 25, Comparer<int>.Create((x, y) => y.CompareTo(x)));

        Assert.Equal(items.OrderDescending().Take(25), best);
    }

    [Fact]
    public void Best_of_fewer_items_than_asked_gives_them_all_in_order()
    {
        Assert.Equal([9, 4, 1], TopSelection.Best([4, 9, 1], 10, Comparer<int>.Create((x, y) => y.CompareTo(x))));
        Assert.Empty(TopSelection.Best([4, 9, 1], 0, Comparer<int>.Default));
    }
}
