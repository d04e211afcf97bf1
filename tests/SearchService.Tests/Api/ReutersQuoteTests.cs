using SearchService.Tests.TestSupport;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary><c>/quotes</c> and <c>/speakers/{name}</c> over the first 2,000 Reuters articles.</summary>
[Trait(SlowTests.Trait, SlowTests.Value)]
public sealed class ReutersQuoteTests(ReutersQuoteTests.ReutersApiFactory api) : IClassFixture<ReutersQuoteTests.ReutersApiFactory>
{
    public sealed class ReutersApiFactory : SeedApiFactory
    {
        public const int Articles = 2_000;

        protected override void AddToCorpus(TempDirectory folder)
        {
            if (ReutersCorpus.Path is not null)
                ReutersCorpus.CopyStart(folder.Combine("reuters.jsonl"), Articles);
        }
    }

    private readonly HttpClient client = api.CreateClient();

    [ReutersFact]
    public async Task Statements_on_oil_prices_are_ranked_with_the_words_marked_and_a_speaker_each()
    {
        var result = await client.GetOk<QuoteAnswer>("/quotes?q=oil prices&pageSize=20");
        Assert.True(result.Total >= 20, result.Total >= 20 ? "" : await StateOfTheIndex($"{result.Total} statements"));
        Assert.All(result.Hits, h =>
        {
            Assert.Contains("<mark>", h.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(h.Speaker));
        });
        Assert.Equal(result.Hits.Select(h => h.Score), result.Hits.Select(h => h.Score).OrderDescending());
    }

    // What the service held when a search found too little: a clean-clone run once found no statement on oil prices.
    private async Task<string> StateOfTheIndex(string found)
    {
        var all = await client.GetOk<QuoteAnswer>("/quotes");
        var paragraphs = await client.GetOk<SearchAnswer>("/search?q=oil prices");
        var again = await client.GetOk<QuoteAnswer>("/quotes?q=oil prices");
        return $"{found}; all statements {all.Total}; paragraphs on oil prices {paragraphs.Total}; statements on oil prices asked again {again.Total}; " +
               await client.GetStringAsync("/health");
    }

    [ReutersFact]
    public async Task A_speaker_filter_on_a_surname_finds_the_statements_under_the_full_name()
    {
        var profile = await client.GetOk<SpeakerProfileAnswer>("/speakers/Volcker");
        Assert.Equal("Paul Volcker", profile.Name);
        Assert.Contains("Volcker", profile.Variants);
        var quotes = await client.GetOk<QuoteAnswer>("/quotes?speaker=Volcker");
        Assert.Equal(profile.Statements, quotes.Total);
        Assert.True(quotes.Total > 0);
    }

    [ReutersFact]
    public async Task Speaker_counts_agree_with_the_statements_a_filter_finds()
    {
        var all = await client.GetOk<QuoteAnswer>("/quotes");
        var top = all.Facets["speaker"][0];
        Assert.Equal(top.Count, (await client.GetOk<QuoteAnswer>($"/quotes?speaker={Uri.EscapeDataString(top.Value)}")).Total);
    }
}
