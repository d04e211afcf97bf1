using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// Seeded random requests at every endpoint: random text in every parameter and body, and the classes of input known to
/// cost a server dearly or to be kept by it: automaton-heavy <c>syntax=lucene</c> terms, long and odd HTTP methods,
/// long header values, and endless distinct paths and query strings.
/// </summary>
public sealed class HostileRequests(int seed, string adminKey, string seedArticleId)
{
    private static readonly string[] Pieces =
    [
        "terrorism", "Pakistan", "\"", "'", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "-", "+", "!",
        "AND", "OR", "NOT", "TO", "&&", "||", "title:", "region:", "text:/", "/[", "a~2", "0.5", "1e309", "-2147483649",
        "99999999999999999999", "\u0000", "\u001f", "\u202e", "\ud83d\udca3", "\u00e9", "<script>", "%", "&", "=", " ", "\t", "\n",
    ];

    private static readonly string[] SearchParameters =
    [
        "q", "syntax", "region", "topic", "speaker", "page", "pageSize", "facetSize", "collapse", "sort", "explain", "regionTree",
        "from", "to", "dateFacet", "rerank", "after", "recency", "section", "byline", "source", "language", "fields.desk",
        "fields.nope", "Section", "unknown",
    ];

    private static readonly string[] QuoteParameters =
    [
        "q", "speaker", "region", "topic", "verb", "from", "to", "page", "pageSize", "facetSize", "sort", "after", "unknown",
    ];

    private readonly Random random = new(seed);

    public HttpRequestMessage Next()
    {
        var request = random.Next(32) switch
        {
            0 or 1 => new HttpRequestMessage(HttpMethod.Get, "/articles/" + RandomId()),
            2 => new HttpRequestMessage(HttpMethod.Get, "/health?" + Uri.EscapeDataString(RandomText())),
            3 => new HttpRequestMessage(HttpMethod.Get, random.Next(3) switch { 0 => "/health/live", 1 => "/health/ready", _ => "/metrics" }),
            4 => new HttpRequestMessage(HttpMethod.Put, "/articles/" + RandomId())
            {
                Content = new StringContent(RandomBody(), Encoding.UTF8, "application/json"),
            },
            5 => new HttpRequestMessage(HttpMethod.Delete, "/articles/" + RandomId()),
            6 => new HttpRequestMessage(HttpMethod.Post, "/articles/_bulk")
            {
                Content = new StringContent(string.Join('\n', Enumerable.Range(0, random.Next(4)).Select(_ => RandomBody())), Encoding.UTF8),
            },
            7 when random.Next(50) == 0 => new HttpRequestMessage(HttpMethod.Post, "/index/_rebuild"),
            8 => new HttpRequestMessage(HttpMethod.Get, $"/{(random.Next(2) == 0 ? "search" : "facets/region")}?syntax=lucene&q={Uri.EscapeDataString(CostlyLuceneQuery())}"),
            9 => new HttpRequestMessage(new HttpMethod(OddMethod()), random.Next(2) == 0 ? "/search?q=kabul" : "/" + RandomId()),
            10 => new HttpRequestMessage(HttpMethod.Get, $"/{RandomId()}/{RandomId()}?{RandomId()}={RandomId()}"),
            11 => new HttpRequestMessage(HttpMethod.Get, random.Next(3) switch
            {
                0 => "/facets/" + RandomId() + "?q=" + Uri.EscapeDataString(RandomText()),
                1 => "/suggest?q=" + Uri.EscapeDataString(RandomText()),
                _ => "/view/" + RandomId(),
            }),
            12 => new HttpRequestMessage(HttpMethod.Get, RandomUrl("/quotes", QuoteParameters)),
            13 => new HttpRequestMessage(HttpMethod.Get, random.Next(2) == 0
                ? "/speakers/" + RandomId()
                : $"/articles/{(random.Next(2) == 0 ? seedArticleId : RandomId())}/related?size={Uri.EscapeDataString(RandomText())}&by={Uri.EscapeDataString(random.Next(2) == 0 ? "both" : RandomText())}"),
            14 => new HttpRequestMessage(HttpMethod.Get, RandomUrl("/export", SearchParameters)),
            15 => AlertRequest(),
            16 => KeyRequest(),
            17 => AnalyticsRequest(),
            18 => new HttpRequestMessage(HttpMethod.Get, random.Next(3) switch
            {
                0 => "/widget/search-box.js",
                1 => "/widget/search-box." + RandomId() + ".js",
                _ => "/openapi/v1.json",
            }),
            _ => new HttpRequestMessage(HttpMethod.Get, RandomUrl("/search", SearchParameters)),
        };
        if (random.Next(8) == 0)
            AddLongHeader(request);
        // Writes mostly carry the admin key, sometimes a wrong one or none.
        if (request.Method != HttpMethod.Get && random.Next(5) > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", random.Next(4) > 0 ? adminKey : $"wrong-{random.Next()}");
        return request;
    }

    /// <summary>Patterns whose automata grow exponentially with their length, huge term ranges, long fuzzy terms, many wildcards.</summary>
    private string CostlyLuceneQuery()
    {
        var k = random.Next(4, 24);
        return random.Next(8) switch
        {
            0 => "/.*a" + new string('.', k) + "/",
            1 => "x*a" + new string('?', k),
            2 => "/(a|aa)*b" + new string('.', k) + "/",
            3 => $"/[a-z]{{1,{k * 4}}}[0-9]{{1,{k * 4}}}/",
            4 => string.Concat(Enumerable.Range(0, k).Select(i => (char)('a' + i % 26))) + "~2",
            5 => string.Join(' ', Enumerable.Range(0, k).Select(i => $"{(char)('a' + i % 26)}{(char)('b' + i % 24)}*{(char)('c' + i % 23)}*")),
            6 => $"text:[a TO {new string('z', k)}] OR title:{{0 TO {new string('9', k)}}}",
            _ => "text:/" + string.Concat(Enumerable.Repeat("(.*a)", k / 3 + 1)) + "/",
        };
    }

    /// <summary>An HTTP method no server knows: a token of up to 20,000 characters.</summary>
    private string OddMethod()
    {
        const string tokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
        var length = random.Next(3) == 0 ? random.Next(1000, 20_000) : random.Next(1, 24);
        return string.Concat(Enumerable.Range(0, length).Select(_ => tokenChars[random.Next(tokenChars.Length)]));
    }

    private void AddLongHeader(HttpRequestMessage request)
    {
        var value = new string((char)random.Next('a', 'z' + 1), random.Next(100, 12_000)) + random.Next();
        var name = random.Next(4) switch { 0 => "X-Request-Id", 1 => "User-Agent", 2 => "X-Forwarded-For", _ => $"X-Random-{random.Next()}" };
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private string RandomText()
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, 8); n > 0; n--)
            text.Append(random.Next(4) == 0 ? (char)random.Next(0x20, 0x3000) : Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    /// <summary>Saved searches: created with random queries and webhooks (a refused local port, or not a URL), listed, read, deleted, followed.</summary>
    private HttpRequestMessage AlertRequest() => random.Next(5) switch
    {
        0 or 1 => new HttpRequestMessage(HttpMethod.Post, "/alerts")
        {
            Content = new StringContent(random.Next(3) == 0
                ? RandomText()
                : JsonSerializer.Serialize(new { q = RandomText(), region = new[] { RandomText() }, webhook = random.Next(2) == 0 ? "http://127.0.0.1:9/hook" : RandomText() }),
                Encoding.UTF8, "application/json"),
        },
        2 => new HttpRequestMessage(HttpMethod.Get, "/alerts"),
        3 => new HttpRequestMessage(HttpMethod.Delete, "/alerts/" + RandomId()),
        _ => new HttpRequestMessage(HttpMethod.Get, "/alerts/" + RandomId() + (random.Next(2) == 0 ? "/events" : "")),
    };

    /// <summary>Scoped keys: issued with random filters, origins and expiries, listed, revoked.</summary>
    private HttpRequestMessage KeyRequest() => random.Next(3) switch
    {
        0 => new HttpRequestMessage(HttpMethod.Post, "/keys")
        {
            Content = new StringContent(random.Next(3) == 0
                ? RandomText()
                : JsonSerializer.Serialize(new
                {
                    description = RandomText(), filters = new { region = new[] { RandomText() }, source = new[] { RandomText() }, from = RandomText() },
                    origins = new[] { RandomText() }, expiresAt = random.Next(2) == 0 ? "2099-01-01T00:00:00Z" : RandomText(),
                }),
                Encoding.UTF8, "application/json"),
        },
        1 => new HttpRequestMessage(HttpMethod.Get, "/keys"),
        _ => new HttpRequestMessage(HttpMethod.Delete, "/keys/" + RandomId()),
    };

    /// <summary>Search analytics: clicks reported as a search box reports them (text/plain), and the report over random days.</summary>
    private HttpRequestMessage AnalyticsRequest() => random.Next(2) == 0
        ? new HttpRequestMessage(HttpMethod.Post, "/analytics/click")
        {
            Content = new StringContent(random.Next(3) == 0
                ? RandomText()
                : JsonSerializer.Serialize(new { q = RandomText(), position = random.Next(-2, 200) }), Encoding.UTF8, "text/plain"),
        }
        : new HttpRequestMessage(HttpMethod.Get,
            $"/analytics?from={Uri.EscapeDataString(RandomText())}&to={Uri.EscapeDataString(random.Next(2) == 0 ? "2026-12-31" : RandomText())}&size={random.Next(-5, 2000)}");

    private string RandomUrl(string path, string[] names)
    {
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
                "recency" => ["7d", "90d", "1y"],
                "section" or "Section" => ["Markets"],
                _ => [],
            };
            var value = valid.Length > 0 && random.Next(2) == 0 ? valid[random.Next(valid.Length)] : RandomText();
            return $"{name}={Uri.EscapeDataString(value)}";
        });
        return path + "?" + string.Join('&', parameters);
    }

    // NUL in a path is refused by the HTTP layer itself (HttpClient throws on it), so paths go without.
    private string RandomId() =>
        Uri.EscapeDataString(RandomText().Replace("\u0000", "")) is { Length: > 0 } id && id != seedArticleId ? id : "x";

    /// <summary>A body that is sometimes an article with random text, more often something that only looks like one.</summary>
    private string RandomBody() => random.Next(4) switch
    {
        0 => JsonSerializer.Serialize(new { title = RandomText(), paragraphs = new[] { RandomText(), RandomText() } }),
        1 => $"{{\"title\": {random.Next()}, \"paragraphs\": [{RandomText()}]}}",
        2 => $"{{\"date\": \"{RandomText()}\", \"body\": \"x\"}}",
        _ => RandomText(),
    };
}
