using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>A scoped key's fixed filters limit <c>/quotes</c> as they limit <c>/search</c>: matches and every facet count.</summary>
public sealed class ScopedKeyQuoteTests(ScopedKeyApiFactory api) : IClassFixture<ScopedKeyApiFactory>
{
    [Fact]
    public async Task A_key_for_another_publisher_sees_none_of_the_seed_articles_statements()
    {
        var dawn = await api.Issue(new { filters = new { source = new[] { "Dawn" } } });
        using var scoped = api.ClientWith(dawn.Secret);
        using var unscoped = api.ClientWith(ScopedKeyApiFactory.SearchKey);
        Assert.Contains((await unscoped.GetOk<QuoteAnswer>("/quotes?speaker=Foreign Office")).Hits, h => h.ArticleId == SeedApiFactory.SeedId);
        var within = await scoped.GetOk<QuoteAnswer>("/quotes?speaker=Foreign Office");
        Assert.Equal(0, within.Total);
        Assert.DoesNotContain(within.Facets["speaker"], v => v.Value == "Foreign Office" && v.Count > 0);
    }
}
