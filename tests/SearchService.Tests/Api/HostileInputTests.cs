using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SearchService.Tests.Api;

/// <summary>Seeded random input at every endpoint, reads and writes: never a 5xx, and every error is problem details.</summary>
public sealed class HostileInputTests(AdminApiFactory api) : IClassFixture<AdminApiFactory>
{
    private const int Requests = 10_000;
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
        string[] names =
        [
            "q", "syntax", "region", "topic", "speaker", "page", "pageSize", "facetSize", "collapse", "sort", "explain", "regionTree",
            "from", "to", "dateFacet", "rerank", "unknown",
        ];
        var parameters = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
        {
            var name = names[random.Next(names.Length)];
            // Half the time a value the parameter accepts, so the combinations behind the validation are reached too.
            string[] valid = name switch
            {
                "syntax" => ["lucene"],
                "collapse" => ["article"],
                "sort" => ["date"],
                "explain" or "regionTree" => ["true"],
                "from" or "to" => ["0001-01-01", "9999-12-31", "2021-11-23", "2021-11-23T23:59:59.9999999+14:00"],
                "dateFacet" => ["year", "month"],
                "rerank" => ["semantic"],
                _ => [],
            };
            var value = valid.Length > 0 && random.Next(2) == 0 ? valid[random.Next(valid.Length)] : RandomText(random);
            return $"{name}={Uri.EscapeDataString(value)}";
        });
        return "/search?" + string.Join('&', parameters);
    }

    // NUL in a path is refused by the HTTP layer itself (the test client throws on it), so paths go without.
    private static string RandomId(Random random) =>
        Uri.EscapeDataString(RandomText(random).Replace("\u0000", "")) is { Length: > 0 } id && id != SeedApiFactory.SeedId ? id : "x";

    /// <summary>A body that is sometimes an article with random text, more often something that only looks like one.</summary>
    private static string RandomBody(Random random) => random.Next(4) switch
    {
        0 => JsonSerializer.Serialize(new { title = RandomText(random), paragraphs = new[] { RandomText(random), RandomText(random) } }),
        1 => $"{{\"title\": {random.Next()}, \"paragraphs\": [{RandomText(random)}]}}",
        2 => $"{{\"date\": \"{RandomText(random)}\", \"body\": \"x\"}}",
        _ => RandomText(random),
    };

    private HttpRequestMessage RandomRequest(Random random)
    {
        var request = random.Next(20) switch
        {
            0 or 1 => new HttpRequestMessage(HttpMethod.Get, "/articles/" + RandomId(random)),
            2 => new HttpRequestMessage(HttpMethod.Get, "/health?" + Uri.EscapeDataString(RandomText(random))),
            3 => new HttpRequestMessage(HttpMethod.Get, random.Next(3) switch { 0 => "/health/live", 1 => "/health/ready", _ => "/metrics" }),
            4 => new HttpRequestMessage(HttpMethod.Put, "/articles/" + RandomId(random))
            {
                Content = new StringContent(RandomBody(random), Encoding.UTF8, "application/json"),
            },
            5 => new HttpRequestMessage(HttpMethod.Delete, "/articles/" + RandomId(random)),
            6 => new HttpRequestMessage(HttpMethod.Post, "/articles/_bulk")
            {
                Content = new StringContent(string.Join('\n', Enumerable.Range(0, random.Next(4)).Select(_ => RandomBody(random))), Encoding.UTF8),
            },
            7 when random.Next(50) == 0 => new HttpRequestMessage(HttpMethod.Post, "/index/_rebuild"),
            _ => new HttpRequestMessage(HttpMethod.Get, RandomSearchUrl(random)),
        };
        // Writes mostly carry the admin key, sometimes a wrong one or none.
        if (request.Method != HttpMethod.Get && random.Next(5) > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", random.Next(4) > 0 ? AdminApiFactory.AdminKey : $"wrong-{random.Next()}");
        return request;
    }

    [Fact]
    public async Task Ten_thousand_random_requests_at_every_endpoint_get_no_server_error()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Requests; i++)
        {
            using var request = RandomRequest(random);
            var response = await client.SendAsync(request);
            var what = $"{request.Method} {request.RequestUri}";
            Assert.True((int)response.StatusCode < 500, $"{what} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if ((int)response.StatusCode >= 400)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what} → {(int)response.StatusCode} without problem details");
        }
    }

    [Theory]
    [InlineData("text:/a{1,99999}/")]
    [InlineData("/(a|b)*a(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)/")]
    public async Task Regular_expression_that_could_exhaust_the_server_is_refused_naming_q(string q)
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", (string)problem["parameter"]!);
    }

    [Theory]
    [InlineData("a*")]
    [InlineData("title:t*")]
    public async Task One_letter_prefix_is_refused_saying_why(string q)
    {
        var problem = await client.GetProblem($"/search?syntax=lucene&q={Uri.EscapeDataString(q)}", HttpStatusCode.BadRequest);
        Assert.Equal("q", (string)problem["parameter"]!);
        Assert.Contains("at least 2 characters", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Two_letter_prefix_is_searched()
    {
        var result = await client.GetOk("/search?syntax=lucene&q=" + Uri.EscapeDataString("te*"));
        Assert.True((int)result["total"]! > 0);
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
