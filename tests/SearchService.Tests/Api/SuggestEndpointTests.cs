using System.Net;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

public sealed class SuggestEndpointTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private readonly HttpClient client = api.CreateClient();

    [Fact]
    public async Task A_prefix_gets_facet_values_then_words_of_the_corpus()
    {
        var result = await client.GetOk<SuggestAnswer>("/suggest?q=afgh");
        Assert.Equal("Afghanistan", result.Suggestions[0].Text);
        Assert.Equal("region", result.Suggestions[0].Kind);
        Assert.Equal("afgh", result.Q);
        Assert.InRange(result.TookMs, 0.001, 60_000); // measured, not a placeholder zero
    }

    [Fact]
    public async Task Size_limits_the_number_of_suggestions()
    {
        var suggestions = (await client.GetOk<SuggestAnswer>("/suggest?q=t&size=2")).Suggestions;
        Assert.Equal(2, suggestions.Count);
    }

    [Theory]
    [InlineData("/suggest?q=t&size=0", "size")]
    [InlineData("/suggest?q=t&size=21", "size")]
    [InlineData("/suggest?q=t&size=many", "size")]
    public async Task A_bad_size_is_a_problem_naming_it(string url, string parameter)
    {
        var problem = await client.GetProblem(url, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.Parameter);
    }

    [Fact]
    public async Task Overlong_text_is_a_problem_naming_q()
    {
        var problem = await client.GetProblem($"/suggest?q={new string('a', 201)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", problem.Parameter);
    }

    [Fact]
    public async Task Random_text_and_sizes_get_no_server_error()
    {
        string[] pieces = ["terr", "\"", "*", "-", " ", "  ", "\t", "\u0000", "\ud83d\udca3", "<script>", "Ä", "%", "&", "=", "'", "ß", "İ"];
        var random = new Random(20211123);
        for (var i = 0; i < 500; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ =>
                random.Next(4) == 0 ? ((char)random.Next(0x20, 0x3000)).ToString() : pieces[random.Next(pieces.Length)]));
            var url = $"/suggest?q={Uri.EscapeDataString(text)}" + (random.Next(3) == 0 ? $"&size={random.Next(-5, 30)}" : "");
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
