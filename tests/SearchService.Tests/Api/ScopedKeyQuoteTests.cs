using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>
/// A scoped key's fixed filters limit <c>/quotes</c> and <c>/speakers/{name}</c> as they limit <c>/search</c>: matches,
/// every facet count, and a speaker's profile.
/// </summary>
public sealed class ScopedKeyQuoteTests(ScopedKeyApiFactory api) : IClassFixture<ScopedKeyApiFactory>
{
    private const string ForeignOffice = "/speakers/Foreign Office";

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

    [Fact]
    public async Task A_key_for_another_publisher_finds_no_profile_of_a_speaker_only_outside_it()
    {
        var dawn = await api.Issue(new { filters = new { source = new[] { "Dawn" } } });
        using var scoped = api.ClientWith(dawn.Secret);
        using var unscoped = api.ClientWith(ScopedKeyApiFactory.SearchKey);
        Assert.Equal("Foreign Office", (await unscoped.GetOk<SpeakerProfileAnswer>(ForeignOffice)).Name);
        await scoped.GetProblem(ForeignOffice, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_for_one_region_counts_only_the_speakers_statements_within_it()
    {
        var afghanistan = await api.Issue(new { filters = new { region = new[] { "Afghanistan" } } });
        using var scoped = api.ClientWith(afghanistan.Secret);
        using var unscoped = api.ClientWith(ScopedKeyApiFactory.SearchKey);
        var everywhere = await unscoped.GetOk<SpeakerProfileAnswer>(ForeignOffice);
        var quotesWithin = await scoped.GetOk<QuoteAnswer>("/quotes?speaker=Foreign Office");

        var within = await scoped.GetOk<SpeakerProfileAnswer>(ForeignOffice);

        Assert.InRange(within.Statements, 1, everywhere.Statements - 1);
        Assert.Equal(quotesWithin.Total, within.Statements);
        Assert.Equal([new FacetValueAnswer("2021-11", (int)within.Statements)], within.StatementsByMonth);
        Assert.Equal(quotesWithin.Hits.Select(h => h.Text), within.Recent.Select(h => h.Text));
        Assert.Equal(quotesWithin.Facets["topic"].Take(10), within.Topics);
    }
}
