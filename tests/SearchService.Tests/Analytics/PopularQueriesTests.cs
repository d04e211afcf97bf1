using SearchService.Api.Analytics;

namespace SearchService.Tests.Analytics;

public sealed class PopularQueriesTests
{
    private static readonly PopularQueries Queries = new(
        new Dictionary<string, long>
        {
            ["interest rates"] = 9, ["interest rate cut"] = 30, ["interest"] = 50, ["inflation"] = 70, ["rates"] = 2,
        },
        atLeast: 5);

    [Fact]
    public void Queries_starting_with_what_is_typed_come_most_searched_first()
    {
        Assert.Equal(["interest rate cut", "interest rates"], Queries.Complete("interest ", 8).Select(s => s.Text));
    }

    [Fact]
    public void The_typed_text_itself_is_not_offered()
    {
        Assert.DoesNotContain("interest", Queries.Complete("interest", 8).Select(s => s.Text));
    }

    [Fact]
    public void A_query_searched_fewer_times_than_the_threshold_is_not_kept()
    {
        Assert.Empty(Queries.Complete("rat", 8));
    }

    [Fact]
    public void One_letter_offers_nothing()
    {
        Assert.Empty(Queries.Complete("i", 8));
    }
}
