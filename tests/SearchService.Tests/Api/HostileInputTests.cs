using System.Net;
using System.Text;

namespace SearchService.Tests.Api;

/// <summary>Seeded random input at every endpoint: never a 5xx, and every error is problem details.</summary>
public sealed class HostileInputTests(SeedApiFactory api) : IClassFixture<SeedApiFactory>
{
    private const int Seed = 20211123;
    private static readonly string[] Pieces =
    [
        "terrorism", "Pakistan", "\"", "'", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "-", "+", "!",
        "AND", "OR", "NOT", "TO", "&&", "||", "title:", "region:", "text:/", "/[", "a~2", "0.5", "1e309", "-2147483649",
        "99999999999999999999", "\u0000", "\u001f", "\u202e", "\ud83d\udca3", "\u00e9", "<script>", "%", "&", "=", " ", "\t", "\n",
    ];

    private readonly HttpClient client = api.CreateClient();

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, 8); n > 0; n--)
            text.Append(random.Next(4) == 0 ? (char)random.Next(0x20, 0x3000) : Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    private static string RandomSearchUrl(Random random)
    {
        string[] names = ["q", "syntax", "region", "topic", "speaker", "page", "pageSize", "facetSize", "unknown"];
        var parameters = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
        {
            var name = names[random.Next(names.Length)];
            var value = name == "syntax" && random.Next(2) == 0 ? "lucene" : RandomText(random);
            return $"{name}={Uri.EscapeDataString(value)}";
        });
        return "/search?" + string.Join('&', parameters);
    }

    [Fact]
    public async Task Thousands_of_random_requests_get_no_server_error()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 2000; i++)
        {
            var url = random.Next(5) switch
            {
                // NUL in a path is refused by the HTTP layer itself (the test client throws on it), so paths go without.
                0 => "/articles/" + Uri.EscapeDataString(RandomText(random).Replace("\u0000", "")),
                1 => "/health?" + Uri.EscapeDataString(RandomText(random)),
                _ => RandomSearchUrl(random),
            };
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode != HttpStatusCode.OK)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("text:/a{1,99999}/")]
    [InlineData("/(a|b)*a(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)/")]
    public async Task Regular_expression_that_could_exhaust_the_server_is_refused_naming_q(string q)
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", (string)problem["parameter"]!);
    }

    [Fact]
    public async Task Short_regular_expression_still_works()
    {
        var result = await client.GetOk("/search?syntax=lucene&q=" + Uri.EscapeDataString("text:/terror.*/"));
        Assert.True((int)result["total"]! > 0);
    }

    [Theory]
    [InlineData("/[")]
    [InlineData("title:[a TO")]
    [InlineData("a~99")]
    [InlineData("\"a b\"~-1")]
    [InlineData("a^-1")]
    [InlineData("*:*")]
    [InlineData("?")]
    public async Task Odd_lucene_queries_are_answered_or_refused_clearly(string q)
    {
        var response = await client.GetAsync($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"{q} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
